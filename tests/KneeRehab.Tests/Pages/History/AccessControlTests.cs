using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using KneeRehab.Tests.Pages.Log;
using Microsoft.EntityFrameworkCore;

namespace KneeRehab.Tests.Pages.History;

/// <summary>Two patients: nothing one logs can be seen, changed or deleted by the other.</summary>
public class AccessControlTests(KneeRehabFactory factory) : IClassFixture<KneeRehabFactory>
{
    private async Task<(HttpClient Owner, HttpClient Other, string Url, int Id)> TwoUsersAsync()
    {
        var owner = await factory.CreateUserClientAsync();
        var other = await factory.CreateUserClientAsync();
        var page = await owner.StartWorkoutAsync("ball-bridge");
        using var saved = await owner.SaveAsync(page, new Dictionary<string, string> { ["Input.PainForAll"] = "1", ["Input.Notes"] = "owner's private note" });
        var url = saved.Headers.Location!.OriginalString;
        return (owner, other, url, int.Parse(url.Split('/').Last()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("/edit")]
    [InlineData("/delete")]
    public async Task Another_user_gets_404_for_view_edit_and_delete_pages(string suffix)
    {
        var (_, other, url, _) = await TwoUsersAsync();

        using var response = await other.GetAsync(url + suffix, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("owner's private note", body);
    }

    [Fact]
    public async Task Another_user_cannot_delete_edit_or_set_morning_pain_by_posting()
    {
        var (owner, other, url, id) = await TwoUsersAsync();
        // The other user's own valid forms, aimed at the owner's workout id.
        var ownPage = await other.StartWorkoutAsync("wall-squat");
        var form = ownPage.Form();
        form.Action = $"{url}/edit";
        using var edit = await other.SubmitAsync(form, form.QuerySelector<IHtmlButtonElement>("button.save-workout"), new Dictionary<string, string> { ["Input.PainForAll"] = "9" });
        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);

        form.Action = $"{url}/delete";
        using var delete = await other.SubmitAsync(form);
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);

        form.Action = $"{url}?handler=MorningPain";
        using var pain = await other.SubmitAsync(form);
        Assert.Equal(HttpStatusCode.NotFound, pain.StatusCode);

        var workout = await owner.GetDocumentAsync(url);
        Assert.Equal("Ball bridge", workout.QuerySelector(".workout-entry h2 a")!.TextContent);
        await using var db = factory.OpenDatabase();
        var stored = await db.Workouts.Include(w => w.Exercises).SingleAsync(w => w.Id == id, TestContext.Current.CancellationToken);
        Assert.Null(stored.PainNextMorning);
        Assert.Equal("ball-bridge", Assert.Single(stored.Exercises).ExerciseSlug);
    }

    [Fact]
    public async Task Another_users_history_and_export_do_not_show_the_workout()
    {
        var (_, other, _, _) = await TwoUsersAsync();

        var history = await other.GetDocumentAsync("/history");
        Assert.Empty(history.QuerySelectorAll(".history-row"));

        var personalData = await other.GetDocumentAsync("/identity/account/manage/personaldata");
        using var download = await other.SubmitAsync(personalData.QuerySelector<IHtmlFormElement>("form#download-data")!);
        var json = await download.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Empty(JsonDocument.Parse(json).RootElement.GetProperty("workouts").EnumerateArray());
        Assert.DoesNotContain("owner's private note", json);
    }

    [Fact]
    public async Task Anonymous_user_is_sent_to_log_in_for_every_workout_page()
    {
        var (_, _, url, _) = await TwoUsersAsync();
        var anonymous = factory.CreateBrowserClient();

        foreach (var path in new[] { "/history", url, $"{url}/edit", $"{url}/delete", "/log", "/account/preferences" })
        {
            using var response = await anonymous.GetAsync(path, TestContext.Current.CancellationToken);
            response.AssertRedirect("http://localhost/identity/account/login");
        }
    }
}
