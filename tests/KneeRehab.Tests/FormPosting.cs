using System.Net;
using AngleSharp.Html.Dom;

namespace KneeRehab.Tests;

/// <summary>
/// Submits real forms the way a browser does: the page's own fields (antiforgery token included),
/// changed where a test says so, sent to the submit button's formaction.
/// </summary>
public static class FormPosting
{
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, IHtmlFormElement form, IHtmlElement? submitter = null, IDictionary<string, string>? values = null)
    {
        foreach (var (name, value) in values ?? new Dictionary<string, string>())
        {
            switch (form.Elements[name])
            {
                case IHtmlInputElement { Type: "checkbox" } checkbox:
                    checkbox.IsChecked = bool.Parse(value);
                    break;
                case IHtmlInputElement input:
                    input.Value = value;
                    break;
                case IHtmlSelectElement select:
                    select.Value = value;
                    break;
                case IHtmlTextAreaElement textArea:
                    textArea.Value = value;
                    break;
                default:
                    throw new ArgumentException($"The form has no field '{name}'");
            }
        }

        var submission = (submitter is null ? form.GetSubmission() : form.GetSubmission(submitter)) ?? throw new InvalidOperationException("The form cannot be submitted");
        using var request = new HttpRequestMessage(new System.Net.Http.HttpMethod(submission.Method.ToString()), submission.Target.Href);
        if (submission.Body is not null)
        {
            var content = new StreamContent(submission.Body);
            foreach (var header in submission.Headers)
                content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            request.Content = content;
        }
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>Loads a page, fills its form and submits it with the button whose text is given (or the first).</summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, string url, IDictionary<string, string> values, string? button = null, string formSelector = "main form")
    {
        var document = await client.GetDocumentAsync(url);
        var form = document.QuerySelector<IHtmlFormElement>(formSelector) ?? throw new InvalidOperationException($"No form on {url}");
        return await client.SubmitAsync(form, Button(form, button), values);
    }

    public static IHtmlElement? Button(IHtmlFormElement form, string? text) =>
        text is null ? null : form.QuerySelectorAll<IHtmlButtonElement>("button").FirstOrDefault(b => b.TextContent.Trim() == text)
            ?? throw new InvalidOperationException($"No button '{text}'");

    public static void AssertRedirect(this HttpResponseMessage response, string startsWith)
    {
        if (response.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther))
        {
            // Show the page's validation messages: they say why the form did not go through.
            var body = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
            var messages = System.Text.RegularExpressions.Regex.Matches(body, "class=\"(?:text-danger[^\"]*|field-validation-error[^\"]*)\"[^>]*>([^<]+)<")
                .Select(m => m.Groups[1].Value.Trim()).Where(m => m.Length > 0);
            Assert.Fail($"expected a redirect, got {(int)response.StatusCode}: {string.Join(" | ", messages)}");
        }
        Assert.StartsWith(startsWith, response.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
    }
}
