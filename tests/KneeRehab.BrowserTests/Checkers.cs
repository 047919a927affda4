using System.Diagnostics;
using System.Text.Json;

namespace KneeRehab.BrowserTests;

/// <summary>The npm-installed checkers (axe-core, the Nu HTML Checker) and Debian's Chromium, found or explained.</summary>
public static class Checkers
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly Lazy<string> ProjectDirectory = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KneeRehab.BrowserTests.csproj"))) return dir.FullName;
        }
        throw new InvalidOperationException("tests/KneeRehab.BrowserTests not found above " + AppContext.BaseDirectory);
    });

    public static string AxeSource => File.ReadAllText(NodeModule("axe-core/axe.min.js"));

    private static string NodeModule(string path)
    {
        var full = Path.Combine(ProjectDirectory.Value, "node_modules", path);
        return File.Exists(full)
            ? full
            : throw new InvalidOperationException($"{full} is missing: run `npm ci` in tests/KneeRehab.BrowserTests (the build does it when node_modules is absent; .ci/run always does).");
    }

    public static void RequireChromium()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"Chromium not found at {ChromiumPath}: the browser tests need Debian's chromium package (`apt-get install -y chromium`, which .ci/run does).");
    }

    /// <summary>Runs the Nu HTML Checker over the pages; returns one line per error.</summary>
    public static async Task<IReadOnlyList<string>> ValidateHtmlAsync(IReadOnlyList<(string Url, string Html)> pages)
    {
        if (pages.Count == 0) return [];
        var folder = Directory.CreateTempSubdirectory("kneerehab-vnu-").FullName;
        try
        {
            var files = new Dictionary<string, string>();
            var byName = new Dictionary<string, string>();
            for (var i = 0; i < pages.Count; i++)
            {
                var file = Path.Combine(folder, $"page{i}.html");
                await File.WriteAllTextAsync(file, pages[i].Html);
                files[file] = pages[i].Url;
                byName[Path.GetFileName(file)] = pages[i].Url;
            }

            var start = new ProcessStartInfo("java") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[] { "-jar", NodeModule("vnu-jar/build/dist/vnu.jar"), "--errors-only", "--format", "json", "--stdout" }.Concat(files.Keys))
                start.ArgumentList.Add(arg);
            Process process;
            try
            {
                process = Process.Start(start)!;
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                throw new InvalidOperationException("Java is needed for the Nu HTML Checker (`apt-get install -y default-jre-headless`, which .ci/run does when java is missing).", e);
            }
            using (process)
            {
                var output = await process.StandardOutput.ReadToEndAsync();
                var errors = await process.StandardError.ReadToEndAsync();
                await process.WaitForExitAsync();
                if (output.Length == 0) throw new InvalidOperationException($"vnu printed nothing (exit {process.ExitCode}): {errors}");

                using var json = JsonDocument.Parse(output);
                return [.. json.RootElement.GetProperty("messages").EnumerateArray()
                    .Where(m => m.GetProperty("type").GetString() == "error")
                    .Select(m =>
                    {
                        var url = m.TryGetProperty("url", out var u) && byName.TryGetValue(Path.GetFileName(u.GetString()!), out var page) ? page : "?";
                        var line = m.TryGetProperty("lastLine", out var l) ? l.GetInt32() : 0;
                        var extract = m.TryGetProperty("extract", out var x) ? x.GetString()!.Trim() : "";
                        return $"{url} line {line}: {m.GetProperty("message").GetString()} [{extract}]";
                    })];
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
