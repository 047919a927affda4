using System.Net;
using AngleSharp.Html.Dom;
using KneeRehab.Tests.Pages.Log;
using KneeRehab.Tests.Pages.Programs;

namespace KneeRehab.Tests.Pages.Account;

/// <summary>"Today" and "the next morning" are the patient's own, from the time zone in their preferences.</summary>
public class TimeZoneTests : IDisposable
{
    // 05:00 UTC on 3 March is 21:00 on 2 March in Los Angeles.
    private static readonly DateTimeOffset EveningInLosAngeles = new(2026, 3, 3, 5, 0, 0, TimeSpan.Zero);
    private readonly KneeRehabFactory _factory = new() { Clock = new TestClock(EveningInLosAngeles) };

    private static async Task<HttpResponseMessage> SetTimeZoneAsync(HttpClient client, string zone)
    {
        var preferences = await client.GetDocumentAsync("/account/preferences");
        return await client.SubmitAsync(preferences.QuerySelector<IHtmlFormElement>("main form")!, null, new Dictionary<string, string> { ["Input.TimeZone"] = zone });
    }

    [Fact]
    public async Task The_morning_question_comes_the_next_morning_where_the_patient_is()
    {
        var client = await _factory.CreateUserClientAsync();
        using (var set = await SetTimeZoneAsync(client, "America/Los_Angeles")) set.AssertRedirect("/account/preferences");
        using (var started = await ProgramPagesTests.StartAsync(client, "runners-knee")) started.AssertRedirect("/today");

        var today = await client.GetDocumentAsync("/today");
        Assert.Equal("2026-03-02", today.Field("Input.Date"));
        Assert.Null(today.QuerySelector(".time-zone-note"));
        using (var saved = await client.SaveAsync(today, new Dictionary<string, string> { ["Input.PainForAll"] = "1" })) saved.AssertRedirect("/history/");

        // 07:00 UTC is still 23:00 the same evening in Los Angeles: no morning question yet.
        _factory.Clock!.Now = EveningInLosAngeles.AddHours(2);
        Assert.Null((await client.GetDocumentAsync("/today")).QuerySelector(".morning-question"));

        // 16:00 UTC is 08:00 the next morning there.
        _factory.Clock.Now = EveningInLosAngeles.AddHours(11);
        Assert.NotNull((await client.GetDocumentAsync("/today")).QuerySelector(".morning-question"));
    }

    [Fact]
    public async Task A_zone_that_is_not_in_the_list_is_refused_with_a_message_and_nothing_changes()
    {
        var client = await _factory.CreateUserClientAsync();

        var form = (await client.GetDocumentAsync("/account/preferences")).QuerySelector<IHtmlFormElement>("main form")!;
        var select = form.QuerySelector<IHtmlSelectElement>("select[name='Input.TimeZone']")!;
        var option = (IHtmlOptionElement)form.Owner!.CreateElement("option");
        option.Value = "Mars/Olympus_Mons";
        select.AppendChild(option);
        using var refused = await client.SubmitAsync(form, null, new Dictionary<string, string> { ["Input.TimeZone"] = "Mars/Olympus_Mons" });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal("Choose your time zone from the list.", (await refused.ToDocumentAsync()).QuerySelector("span[data-valmsg-for='Input.TimeZone']")!.TextContent.Trim());
        var again = await client.GetDocumentAsync("/account/preferences");
        Assert.Equal("", again.QuerySelector<IHtmlSelectElement>("select[name='Input.TimeZone']")!.Value);
    }

    [Fact]
    public async Task Without_a_zone_today_says_days_follow_utc_and_links_to_preferences()
    {
        var client = await _factory.CreateUserClientAsync();
        using (var started = await ProgramPagesTests.StartAsync(client, "runners-knee")) started.AssertRedirect("/today");

        var today = await client.GetDocumentAsync("/today");

        Assert.NotNull(today.QuerySelector(".time-zone-note a[href='/account/preferences']"));
        Assert.Equal("2026-03-03", today.Field("Input.Date"));
    }

    public void Dispose()
    {
        _factory.Dispose();
        GC.SuppressFinalize(this);
    }
}
