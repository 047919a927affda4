using AngleSharp.Html.Dom;

namespace KneeRehab.Tests.Pages.Log;

/// <summary>Drives /log the way a patient without JavaScript does: one button press, one round trip.</summary>
public static class WorkoutForms
{
    public static IHtmlFormElement Form(this IHtmlDocument document) =>
        document.QuerySelector<IHtmlFormElement>("form.workout-form") ?? throw new InvalidOperationException("No workout form on the page");

    /// <summary>Presses a form button and returns the page the server sends back (a redisplay or a validation error).</summary>
    public static async Task<IHtmlDocument> PressAsync(this HttpClient client, IHtmlDocument page, string button, IDictionary<string, string>? values = null)
    {
        var form = page.Form();
        var submitter = form.QuerySelectorAll<IHtmlButtonElement>("button").First(b => b.TextContent.Trim() == button);
        using var response = await client.SubmitAsync(form, submitter, values);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.OK, $"{button}: {(int)response.StatusCode} {response.Headers.Location}");
        return await response.ToDocumentAsync();
    }

    public static async Task<IHtmlDocument> AddExerciseAsync(this HttpClient client, IHtmlDocument page, string slug) =>
        await client.PressAsync(page, "Add", new Dictionary<string, string> { ["AddSlug"] = slug });

    /// <summary>A fresh /log page with the given exercises added, as a patient picks them.</summary>
    public static async Task<IHtmlDocument> StartWorkoutAsync(this HttpClient client, params string[] slugs)
    {
        var page = await client.GetDocumentAsync("/log");
        foreach (var slug in slugs) page = await client.AddExerciseAsync(page, slug);
        return page;
    }

    /// <summary>The value shown in a form field, or null when there is no such field.</summary>
    public static string? Field(this IHtmlDocument page, string name) =>
        page.Form().Elements[name] switch
        {
            IHtmlInputElement { Type: "checkbox" } c => c.IsChecked ? "true" : "false",
            IHtmlInputElement i => i.Value,
            IHtmlSelectElement s => s.Value,
            IHtmlTextAreaElement t => t.Value,
            _ => null,
        };

    /// <summary>The validation message shown next to a field.</summary>
    public static string FieldError(this IHtmlDocument page, string name) =>
        page.QuerySelector($"span[data-valmsg-for='{name}']")?.TextContent.Trim() ?? "";

    /// <summary>Saves the form with the given values; returns the response (a redirect when it saved).</summary>
    public static Task<HttpResponseMessage> SaveAsync(this HttpClient client, IHtmlDocument page, IDictionary<string, string>? values = null)
    {
        var form = page.Form();
        var save = form.QuerySelector<IHtmlButtonElement>("button.save-workout")!;
        return client.SubmitAsync(form, save, values);
    }
}
