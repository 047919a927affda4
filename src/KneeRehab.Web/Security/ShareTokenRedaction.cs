using System.Text.RegularExpressions;
using Serilog.Core;
using Serilog.Events;

namespace KneeRehab.Web.Security;

/// <summary>
/// Only a hash of a share token is stored, so the token must not reach the logs either: every string property
/// of every log event (the request log's path, ASP.NET Core's own "Path" and URLs) has the token after
/// <c>/shared/</c> replaced before it is written.
/// </summary>
public sealed partial class ShareTokenRedaction : ILogEventEnricher
{
    public const string Redacted = "[token]";

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        foreach (var (name, value) in logEvent.Properties.ToList())
        {
            if (value is ScalarValue { Value: string text } && text.Contains("/shared/", StringComparison.OrdinalIgnoreCase))
                logEvent.AddOrUpdateProperty(new LogEventProperty(name, new ScalarValue(Redact(text))));
        }
    }

    public static string Redact(string text) => Token().Replace(text, "$1" + Redacted);

    [GeneratedRegex("(/shared/)[^/?#\\s\"]+", RegexOptions.IgnoreCase)]
    private static partial Regex Token();
}
