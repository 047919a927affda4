namespace KneeRehab.BrowserTests;

/// <summary>The checkers themselves: a journey passing means something only if they do catch problems.</summary>
public class CheckerTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task Nu_html_checker_reports_invalid_markup()
    {
        var errors = await Checkers.ValidateHtmlAsync([("broken", "<!DOCTYPE html><html lang=\"en\"><head><title>t</title></head><body><p><div>x</p><span id=\"a\"></span><span id=\"a\"></span></body></html>")]);

        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.StartsWith("broken line", e));
        Assert.Empty(await Checkers.ValidateHtmlAsync([("fine", "<!DOCTYPE html><html lang=\"en\"><head><title>t</title></head><body><p>x</p></body></html>")]));
    }

    [Fact]
    public async Task Axe_reports_serious_violations()
    {
        await using var context = await host.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SetContentAsync("<!DOCTYPE html><html><head><title>t</title></head><body><main><button></button><img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\"></main></body></html>");
        var session = new BrowserSession(context, page, "");

        var failure = await Assert.ThrowsAsync<Xunit.Sdk.TrueException>(session.CheckPageAsync);

        Assert.Contains("button-name (critical)", failure.Message);
        Assert.Contains("image-alt (critical)", failure.Message);
    }
}
