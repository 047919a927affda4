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
    public async Task Home_tests_every_4_weeks_are_stored_charted_and_read_in_words_on_progress_and_in_the_report()
    {
        var client = await factory.CreateUserClientAsync();
        var userId = await factory.UserIdAsync(client);
        await using (var db = factory.OpenDatabase())
        {
            (await db.Users.SingleAsync(u => u.Id == userId, TestContext.Current.CancellationToken)).AffectedKnee = Side.Right;
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        var form = await client.GetDocumentAsync("/progress/checkin");
        Assert.NotNull(form.QuerySelector("fieldset.home-tests input[name='Input.ChairStands']"));

        // A count no one reaches in 30 seconds: the message next to the field, everything else kept, nothing stored.
        var values = FirstCheckIn();
        values["Input.ChairStands"] = "10";
        values["Input.StepDownsLeft"] = "12";
        values["Input.StepDownsRight"] = "610";
        using (var refused = await CheckInAsync(client, values))
        {
            var again = await refused.ToDocumentAsync();
            Assert.Equal("Count from 0 to 60, or leave it empty if you skipped the test.", again.QuerySelector("span[data-valmsg-for='Input.StepDownsRight']")!.TextContent.Trim());
            Assert.Equal("10", again.QuerySelector<IHtmlInputElement>("input[name='Input.ChairStands']")!.Value);
            Assert.Equal("Stairs", again.QuerySelector<IHtmlInputElement>("input[name='Input.Activities[0].Name']")!.Value);
        }
        await using (var db = factory.OpenDatabase())
            Assert.False(await db.CheckIns.AnyAsync(c => c.UserId == userId, TestContext.Current.CancellationToken));

        values["Input.StepDownsRight"] = "8";
        using (var saved = await CheckInAsync(client, values)) saved.AssertRedirect("/progress/checkin?saved=true");
        await AgeCheckInsAsync(client, 28);
        values["Input.ChairStands"] = "14";
        values["Input.StepDownsRight"] = "11";
        var month = await client.GetDocumentAsync("/progress/checkin");
        var monthForm = month.QuerySelector<IHtmlFormElement>("main form")!;
        monthForm.QuerySelector<IHtmlInputElement>("#grc-4")!.IsChecked = true;
        using (var saved = await client.SubmitAsync(monthForm, null, values)) saved.AssertRedirect("/progress/checkin?saved=true");

        var progress = await client.GetDocumentAsync("/progress?range=3m");
        var section = progress.QuerySelector("#home-tests-heading")!.ParentElement!;
        Assert.Contains("30-second chair stand: from 10 stands", section.TextContent);
        Assert.Contains("to 14", section.TextContent);
        // The right knee is the painful one: 11 of the left leg's 12 is 92%.
        Assert.Contains(": 12 standing on the left leg, 11 on the right: your painful leg did 92% of the other's: level with it (90% or more).", section.TextContent);
        Assert.Equal(2, section.QuerySelectorAll(".home-tests-table tbody tr").Length);
        Assert.NotNull(section.QuerySelector("canvas[data-chart='hometests']"));
        using (var data = await client.GetAsync("/progress?handler=data&range=3m", TestContext.Current.CancellationToken))
        {
            using var json = System.Text.Json.JsonDocument.Parse(await data.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            Assert.Equal([10, 14], json.RootElement.GetProperty("homeTests").EnumerateArray().Select(t => t.GetProperty("chairStands").GetInt32()));
        }
        // The patient's own download holds them too.
        var personal = await client.GetDocumentAsync("/identity/account/manage/personaldata");
        using (var download = await client.SubmitAsync(personal.QuerySelector<IHtmlFormElement>("form#download-data")!))
        {
            using var json = System.Text.Json.JsonDocument.Parse(await download.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            Assert.Equal([10, 14], json.RootElement.GetProperty("checkIns").EnumerateArray()
                .Select(c => c.EnumerateObject().First(p => p.Name.Equals("chairStands", StringComparison.OrdinalIgnoreCase)).Value.GetInt32()));
        }
        var report = (await client.GetDocumentAsync("/progress/report")).QuerySelector("#report-home-tests")!.ParentElement!.TextContent;
        Assert.Contains("30-second chair stand: from 10 stands", report);
        Assert.Contains("your painful leg did 92% of the other's", report);
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
