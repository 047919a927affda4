using AngleSharp.Html.Dom;
using KneeRehab.Tests.Pages.Today;
using KneeRehab.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KneeRehab.Tests.Pages.Programs;

/// <summary>"About you" when a program starts: the age band decides which warning signs are asked, the goal is named.</summary>
public class AboutMeTests(KneeRehabFactory factory) : IClassFixture<KneeRehabFactory>
{
    private static IHtmlFormElement Form(IHtmlDocument page) => page.QuerySelector<IHtmlFormElement>("main form")!;

    private static IReadOnlyList<string> Flags(IHtmlDocument page) => [.. page.QuerySelectorAll<IHtmlInputElement>("input[name='Input.RedFlags'], input[name='RedFlags']").Select(i => i.Value)];

    [Fact]
    public async Task A_footballer_under_16_names_the_sport_gets_the_teenage_signs_and_a_pointer_to_see_a_clinician_with_a_parent()
    {
        var client = await factory.CreateUserClientAsync();
        var page = await client.GetDocumentAsync("/programs/runners-knee/start");
        // Age not given yet: every sign is asked, those for an age band say which.
        Assert.Contains("C_YOUNG", Flags(page));
        Assert.Contains("B_INJURY_55", Flags(page));

        // A sport without its name: the message next to the field and at the top, the rest kept.
        var form = Form(page);
        form.QuerySelector<IHtmlInputElement>("#age-under16")!.IsChecked = true;
        form.QuerySelector<IHtmlInputElement>("#goal-sport")!.IsChecked = true;
        using (var refused = await client.SubmitAsync(form, null, new Dictionary<string, string> { ["Input.BaselineMorningPain"] = "3" }))
        {
            var again = await refused.ToDocumentAsync();
            Assert.Equal("Name the sport, for example football.", again.QuerySelector("span[data-valmsg-for='Input.About.GoalDetail']")!.TextContent.Trim());
            Assert.Contains("Name the sport, for example football.", again.QuerySelector(".error-summary, [role=alert]")?.TextContent ?? "");
            Assert.Equal("3", again.QuerySelector<IHtmlInputElement>("input[name='Input.BaselineMorningPain']")!.Value);
            Assert.True(again.QuerySelector<IHtmlInputElement>("#age-under16")!.IsChecked);
            Assert.Contains(Web.Programs.RedFlagScreen.WithAParent, again.QuerySelector("main")!.TextContent);
            // Now the age is known: the sign for people of 55 and over is no longer asked.
            Assert.DoesNotContain("B_INJURY_55", Flags(again));
            Assert.Contains("C_YOUNG", Flags(again));
            form = Form(again);
        }
        using (var started = await client.SubmitAsync(form, null, new Dictionary<string, string> { ["Input.About.GoalDetail"] = " Football " }))
            started.AssertRedirect("/today");

        var userId = await factory.UserIdAsync(client);
        await using (var db = factory.OpenDatabase())
        {
            var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId, TestContext.Current.CancellationToken);
            Assert.Equal((AgeBand.Under16, GoalActivity.Sport, "Football"), (user.AgeBand!.Value, user.Goal!.Value, user.GoalDetail));
        }
        Assert.Contains(Web.Programs.RedFlagScreen.WithAParent, (await client.GetDocumentAsync("/today")).QuerySelector("main")!.TextContent);
        var warning = await client.GetDocumentAsync("/today/warning");
        Assert.Contains("C_YOUNG", Flags(warning));
        Assert.DoesNotContain("B_INJURY_55", Flags(warning));
        Assert.Contains("Goal: Football. Age: under 16.", (await client.GetDocumentAsync("/progress/report")).QuerySelector(".report-about")!.TextContent);
    }

    [Fact]
    public async Task At_55_or_over_the_injury_sign_of_the_Ottawa_rule_is_asked_and_stops_the_start_and_the_teenage_one_is_not()
    {
        var client = await factory.CreateUserClientAsync();
        var userId = await factory.UserIdAsync(client);
        await using (var db = factory.OpenDatabase())
        {
            (await db.Users.SingleAsync(u => u.Id == userId, TestContext.Current.CancellationToken)).AgeBand = AgeBand.From55;
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var page = await client.GetDocumentAsync("/programs/early-knee-osteoarthritis/start");
        Assert.True(page.QuerySelector<IHtmlInputElement>("#age-from55")!.IsChecked);
        Assert.Contains("B_INJURY_55", Flags(page));
        Assert.DoesNotContain("C_YOUNG", Flags(page));
        Assert.DoesNotContain(Web.Programs.RedFlagScreen.WithAParent, page.QuerySelector("main")!.TextContent);

        using var stopped = await ProgramPagesTests.StartAsync(client, "early-knee-osteoarthritis", "2", "B_INJURY_55");
        var advice = (await stopped.ToDocumentAsync()).QuerySelector(".stop-advice")!.TextContent;
        Assert.Contains("see a doctor or physiotherapist within the next few days", advice);
        Assert.Contains("an X-ray may be needed", advice);
        await using (var db = factory.OpenDatabase())
            Assert.False(await db.Enrollments.AnyAsync(e => e.UserId == userId, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Preferences_show_and_change_the_age_band_and_the_goal_and_a_sport_needs_its_name()
    {
        var client = await factory.CreateUserClientAsync();
        var page = await client.GetDocumentAsync("/account/preferences");
        var form = Form(page);
        Assert.DoesNotContain(form.QuerySelectorAll<IHtmlInputElement>("input[name='Input.About.AgeBand']"), i => i.IsChecked);
        form.QuerySelector<IHtmlInputElement>("#age-from16to54")!.IsChecked = true;
        form.QuerySelector<IHtmlInputElement>("#goal-sport")!.IsChecked = true;
        using (var refused = await client.SubmitAsync(form))
        {
            var again = await refused.ToDocumentAsync();
            Assert.Equal("Name the sport, for example football.", again.QuerySelector("span[data-valmsg-for='Input.About.GoalDetail']")!.TextContent.Trim());
            Assert.True(again.QuerySelector<IHtmlInputElement>("#age-from16to54")!.IsChecked);
        }
        form.QuerySelector<IHtmlInputElement>("#goal-stairsandwalking")!.IsChecked = true;
        using (var saved = await client.SubmitAsync(form, null, new Dictionary<string, string> { ["Input.About.GoalDetail"] = "ignored for this goal" }))
            saved.AssertRedirect("/account/preferences");

        var shown = await client.GetDocumentAsync("/account/preferences");
        Assert.True(shown.QuerySelector<IHtmlInputElement>("#age-from16to54")!.IsChecked);
        Assert.True(shown.QuerySelector<IHtmlInputElement>("#goal-stairsandwalking")!.IsChecked);
        var userId = await factory.UserIdAsync(client);
        await using var db = factory.OpenDatabase();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId, TestContext.Current.CancellationToken);
        Assert.Equal((AgeBand.From16To54, GoalActivity.StairsAndWalking, (string?)null), (user.AgeBand!.Value, user.Goal!.Value, user.GoalDetail));
    }
}
