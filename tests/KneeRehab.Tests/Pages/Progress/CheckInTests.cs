using System.Net;
using AngleSharp.Html.Dom;
using KneeRehab.Tests.Pages.Log;
using KneeRehab.Tests.Pages.Programs;
using KneeRehab.Tests.Pages.Today;
using KneeRehab.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KneeRehab.Tests.Pages.Progress;

public class CheckInTests(KneeRehabFactory factory) : IClassFixture<KneeRehabFactory>
{
    private static Dictionary<string, string> FirstCheckIn(int average = 6, int worst = 8) => new()
    {
        ["Input.AveragePain"] = average.ToString(),
        ["Input.WorstPain"] = worst.ToString(),
        ["Input.Activities[0].Name"] = "Stairs",
        ["Input.Activities[0].Score"] = "3",
        ["Input.Activities[1].Name"] = "Running",
        ["Input.Activities[1].Score"] = "2",
        ["Input.Activities[2].Name"] = "Kneeling",
        ["Input.Activities[2].Score"] = "4",
    };

    private static Task<HttpResponseMessage> CheckInAsync(HttpClient client, Dictionary<string, string> values) =>
        client.SubmitFormAsync("/progress/checkin", values);

    /// <summary>Moves every check-in of the user back in time, as if made that many days earlier.</summary>
    private async Task AgeCheckInsAsync(HttpClient client, int days)
    {
        var userId = await factory.UserIdAsync(client);
        await using var db = factory.OpenDatabase();
        foreach (var checkIn in await db.CheckIns.Where(c => c.UserId == userId).ToListAsync()) checkIn.Date = checkIn.Date.AddDays(-days);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Today_prompts_for_the_weekly_check_in_until_it_is_done()
    {
        var client = await factory.CreateUserClientAsync();
        using (var started = await ProgramPagesTests.StartAsync(client, "runners-knee")) started.AssertRedirect("/today");
        Assert.NotNull((await client.GetDocumentAsync("/today")).QuerySelector(".check-in-due a[href='/progress/checkin']"));

        using (var saved = await CheckInAsync(client, FirstCheckIn())) saved.AssertRedirect("/progress/checkin?saved=true");
        Assert.Null((await client.GetDocumentAsync("/today")).QuerySelector(".check-in-due"));

        await AgeCheckInsAsync(client, 7);
        Assert.NotNull((await client.GetDocumentAsync("/today")).QuerySelector(".check-in-due"));
    }

    [Fact]
    public async Task The_first_check_in_stores_pain_and_the_psfs_mean()
    {
        var client = await factory.CreateUserClientAsync();

        using var saved = await CheckInAsync(client, FirstCheckIn());

        saved.AssertRedirect("/progress/checkin?saved=true");
        await using var db = factory.OpenDatabase();
        var userId = await factory.UserIdAsync(client);
        var checkIn = await db.CheckIns.Include(c => c.Psfs).SingleAsync(c => c.UserId == userId, TestContext.Current.CancellationToken);
        Assert.Equal((6, 8), (checkIn.AveragePain, checkIn.WorstPain));
        Assert.Equal(3.0, checkIn.PsfsScore);
        Assert.Null(checkIn.GlobalRatingOfChange);
    }

    [Theory]
    [InlineData("Input.AveragePain", "11", "Pain is a number from 0 to 10.")]
    [InlineData("Input.AveragePain", "", "Enter your average knee pain this week, from 0 to 10.")]
    [InlineData("Input.WorstPain", "3", "The worst pain cannot be lower than the average.")]
    [InlineData("Input.Activities[0].Score", "", "Rate \"Stairs\" from 0 to 10.")]
    [InlineData("Input.Activities[0].Score", "12", "Rate it from 0 to 10.")]
    [InlineData("Input.Activities[2].Name", "", "Name the activity you rated.")]
    public async Task Bad_values_show_their_message_keep_the_rest_and_save_nothing(string field, string value, string message)
    {
        var client = await factory.CreateUserClientAsync();
        var values = FirstCheckIn();
        values[field] = value;

        using var response = await CheckInAsync(client, values);
        var page = await response.ToDocumentAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(message, page.FieldError(field));
        Assert.Equal("Running", page.QuerySelector<IHtmlInputElement>("#Input_Activities_1__Name")!.Value);
        await using var db = factory.OpenDatabase();
        var userId = await factory.UserIdAsync(client);
        Assert.False(await db.CheckIns.AnyAsync(c => c.UserId == userId, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Fewer_than_three_activities_are_refused()
    {
        var client = await factory.CreateUserClientAsync();
        var values = FirstCheckIn();
        values["Input.Activities[2].Name"] = "";
        values["Input.Activities[2].Score"] = "";

        using var response = await CheckInAsync(client, values);

        Assert.Equal("Name and rate at least 3 activities that your knee makes hard.", (await response.ToDocumentAsync()).FieldError("Input.Activities"));
    }

    [Fact]
    public async Task Weeks_between_ask_pain_only_and_four_weeks_later_the_same_activities_and_the_rating_of_change()
    {
        var client = await factory.CreateUserClientAsync();
        using (await CheckInAsync(client, FirstCheckIn(average: 6, worst: 8))) { }
        await AgeCheckInsAsync(client, 7);

        var week = await client.GetDocumentAsync("/progress/checkin");
        Assert.Null(week.QuerySelector("#Input_Activities_0__Name"));
        using (var weekly = await CheckInAsync(client, new() { ["Input.AveragePain"] = "5", ["Input.WorstPain"] = "6" }))
            weekly.AssertRedirect("/progress/checkin?saved=true");
        await AgeCheckInsAsync(client, 21);

        var month = await client.GetDocumentAsync("/progress/checkin");
        Assert.Equal("Stairs", month.QuerySelector<IHtmlInputElement>("#Input_Activities_0__Name")!.Value);
        Assert.NotNull(month.QuerySelector("input[name='Input.Grc']"));
        using (var missingGrc = await CheckInAsync(client, new() { ["Input.AveragePain"] = "3", ["Input.WorstPain"] = "5", ["Input.Activities[0].Score"] = "6", ["Input.Activities[1].Score"] = "5", ["Input.Activities[2].Score"] = "7" }))
            Assert.Equal("Choose how your knee is compared with when you started.", (await missingGrc.ToDocumentAsync()).FieldError("Input.Grc"));

        var page = await client.GetDocumentAsync("/progress/checkin");
        var form = page.QuerySelector<IHtmlFormElement>("main form")!;
        form.QuerySelector<IHtmlInputElement>("#grc-5")!.IsChecked = true;
        using (var saved = await client.SubmitAsync(form, null, new Dictionary<string, string> { ["Input.AveragePain"] = "3", ["Input.WorstPain"] = "5", ["Input.Activities[0].Score"] = "6", ["Input.Activities[1].Score"] = "5", ["Input.Activities[2].Score"] = "7" }))
            saved.AssertRedirect("/progress/checkin?saved=true");

        var result = await client.GetDocumentAsync("/progress/checkin?saved=true");
        var readings = result.QuerySelectorAll(".reading").Select(r => r.TextContent).ToList();
        Assert.Contains(readings, r => r.Contains("from 6 to 3") && r.Contains("meaningful"));
        Assert.Contains(readings, r => r.Contains("from 3 to 6") && r.Contains("meaningful"));
        await using var db = factory.OpenDatabase();
        var userId = await factory.UserIdAsync(client);
        Assert.Equal(2, (await db.CheckIns.Where(c => c.UserId == userId).OrderBy(c => c.Id).LastAsync(TestContext.Current.CancellationToken)).GlobalRatingOfChange);
    }
}
