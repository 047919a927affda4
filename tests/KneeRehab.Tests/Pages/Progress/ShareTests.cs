using System.Net;
using AngleSharp.Html.Dom;
using KneeRehab.Tests.Pages.Log;
using KneeRehab.Tests.Pages.Programs;
using Microsoft.EntityFrameworkCore;

namespace KneeRehab.Tests.Pages.Progress;

public class ShareTests(KneeRehabFactory factory) : IClassFixture<KneeRehabFactory>
{
    /// <summary>Makes a share link through /progress/share, as the patient does; returns its path.</summary>
    public static async Task<string> CreateLinkAsync(HttpClient client)
    {
        var page = await client.GetDocumentAsync("/progress/share");
        using (var created = await client.SubmitAsync(page.QuerySelector<IHtmlFormElement>("main form")!)) created.AssertRedirect("/progress/share");
        var after = await client.GetDocumentAsync("/progress/share");
        return new Uri(after.QuerySelector<IHtmlAnchorElement>(".share-url a")!.Href).AbsolutePath;
    }

    [Fact]
    public async Task The_links_times_are_shown_in_the_patients_own_time_zone()
    {
        // 15:30 UTC on 2 December is 10:30 in New York (UTC-5 in winter).
        using var app = new KneeRehabFactory { Clock = new TestClock(new DateTimeOffset(2026, 12, 2, 15, 30, 0, TimeSpan.Zero)) };
        var client = await app.CreateUserClientAsync();
        var userId = await Today.ProgramSeeding.UserIdAsync(app, client);
        await using (var db = app.OpenDatabase())
        {
            var user = await db.Users.SingleAsync(u => u.Id == userId, TestContext.Current.CancellationToken);
            user.TimeZoneId = "America/New_York";
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        var link = await CreateLinkAsync(client);
        app.Clock!.Now = app.Clock.Now.AddHours(2);
        using (var viewed = await app.CreateBrowserClient().GetAsync(link, TestContext.Current.CancellationToken))
            Assert.Equal(HttpStatusCode.OK, viewed.StatusCode);

        var share = await client.GetDocumentAsync("/progress/share");
        var text = share.QuerySelector(".share-link")!.TextContent;
        Assert.Contains("Created 2 Dec 2026 10:30", text);
        Assert.Contains("works until 16 Dec 2026 10:30", text);
        Assert.Contains("Opened 1 time: 2 Dec 12:30", text);
        Assert.DoesNotContain("UTC", text);
        Assert.Contains("Times are in your time zone, America/New_York", share.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task A_share_link_shows_only_the_report_to_someone_without_an_account_and_records_each_view()
    {
        var client = await factory.CreateUserClientAsync();
        using (var started = await ProgramPagesTests.StartAsync(client, "runners-knee", baseline: "4")) started.AssertRedirect("/today");
        var link = await CreateLinkAsync(client);
        var physio = factory.CreateBrowserClient();

        var report = await physio.GetDocumentAsync(link);
        await physio.GetDocumentAsync(link);

        Assert.Contains("Runner's knee", report.QuerySelector("#report-program")!.ParentElement!.TextContent);
        Assert.Contains("Usual morning pain before starting: 4/10", report.Body!.TextContent);
        Assert.Null(report.QuerySelector("form.workout-form"));
        Assert.Null(report.QuerySelector("a[href='/progress/share']"));
        var share = await client.GetDocumentAsync("/progress/share");
        Assert.Contains("Opened 2 times", share.QuerySelector(".share-link")!.TextContent);
        // The page that lists links does not show the token again.
        Assert.Null(share.QuerySelector(".share-url"));
    }

    [Fact]
    public async Task A_revoked_link_or_an_expired_link_or_a_made_up_token_is_404()
    {
        var client = await factory.CreateUserClientAsync();
        var revoked = await CreateLinkAsync(client);
        var share = await client.GetDocumentAsync("/progress/share");
        using (var off = await client.SubmitAsync(share.QuerySelector<IHtmlFormElement>(".share-link form")!)) off.AssertRedirect("/progress/share");
        var expired = await CreateLinkAsync(client);
        await using (var db = factory.OpenDatabase())
        {
            var newest = await db.ShareLinks.OrderByDescending(l => l.Id).FirstAsync(TestContext.Current.CancellationToken);
            newest.ExpiresUtc = DateTime.UtcNow.AddMinutes(-1);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        var physio = factory.CreateBrowserClient();

        foreach (var path in new[] { revoked, expired, "/shared/made-up-token" })
        {
            using var response = await physio.GetAsync(path, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    [Fact]
    public async Task Only_the_owner_can_revoke_a_link()
    {
        var owner = await factory.CreateUserClientAsync();
        var link = await CreateLinkAsync(owner);
        int id;
        await using (var db = factory.OpenDatabase())
            id = await db.ShareLinks.OrderByDescending(l => l.Id).Select(l => l.Id).FirstAsync(TestContext.Current.CancellationToken);
        var other = await factory.CreateUserClientAsync();
        var page = await other.GetDocumentAsync("/progress/share");
        var form = page.QuerySelector<IHtmlFormElement>("main form")!;
        form.Action = $"/progress/share?handler=Revoke&link={id}";

        using var response = await other.SubmitAsync(form);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var stillOpen = await factory.CreateBrowserClient().GetAsync(link, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, stillOpen.StatusCode);
    }
}
