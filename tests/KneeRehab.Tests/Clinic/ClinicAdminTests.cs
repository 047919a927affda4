using AngleSharp.Html.Dom;

namespace KneeRehab.Tests.Clinic;

/// <summary>The first administrator is configured (Clinic:Administrators) and grants the physiotherapist role from /clinic/admin.</summary>
public class ClinicAdminTests : IDisposable
{
    private const string Admin = "admin@clinic.example.test";
    private readonly KneeRehabFactory _factory = new() { Settings = new Dictionary<string, string> { ["Clinic:Administrators:0"] = Admin } };

    [Fact]
    public async Task A_configured_administrator_grants_and_takes_away_the_role_and_nobody_else_sees_the_page()
    {
        var admin = await _factory.CreateUserClientAsync(Admin);
        var physioEmail = $"physio-{Guid.NewGuid():N}@example.test";
        var physio = await _factory.CreateUserClientAsync(physioEmail);

        // Not an administrator: 404, like any page that is not theirs.
        using (var notAdmin = await physio.GetAsync("/clinic/admin", TestContext.Current.CancellationToken))
            Assert.Equal(System.Net.HttpStatusCode.NotFound, notAdmin.StatusCode);
        using (var before = await physio.GetAsync("/clinic", TestContext.Current.CancellationToken))
            Assert.Equal(System.Net.HttpStatusCode.NotFound, before.StatusCode);

        // Bad addresses are explained next to the field, the typed value kept.
        foreach (var (typed, message) in new[] { ("not-an-address", "Enter an e-mail address such as name@example.org."), ("nobody@example.test", "No account has this address: the physiotherapist registers first.") })
        {
            using var refused = await admin.SubmitFormAsync("/clinic/admin", new Dictionary<string, string> { ["Email"] = typed });
            var page = await refused.ToDocumentAsync();
            Assert.Equal(message, page.QuerySelector("span[data-valmsg-for='Email']")!.TextContent);
            Assert.Equal(typed, page.QuerySelector<IHtmlInputElement>("input[name='Email']")!.Value);
        }

        using (var granted = await admin.SubmitFormAsync("/clinic/admin", new Dictionary<string, string> { ["Email"] = physioEmail })) granted.AssertRedirect("/clinic/admin");
        var list = await admin.GetDocumentAsync("/clinic/admin");
        Assert.Contains(physioEmail, Assert.Single(list.QuerySelectorAll(".physiotherapists li")).TextContent);

        // The role counts from the next log-in.
        var again = _factory.CreateBrowserClient();
        await KneeRehabFactory.LogInAsync(again, physioEmail);
        using (var clinic = await again.GetAsync("/clinic", TestContext.Current.CancellationToken))
            Assert.Equal(System.Net.HttpStatusCode.OK, clinic.StatusCode);

        using (var revoked = await admin.SubmitAsync(list.QuerySelector<IHtmlFormElement>(".physiotherapists form")!)) revoked.AssertRedirect("/clinic/admin");
        var after = _factory.CreateBrowserClient();
        await KneeRehabFactory.LogInAsync(after, physioEmail);
        using (var gone = await after.GetAsync("/clinic", TestContext.Current.CancellationToken))
            Assert.Equal(System.Net.HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Empty((await admin.GetDocumentAsync("/clinic/admin")).QuerySelectorAll(".physiotherapists li"));
    }

    public void Dispose()
    {
        _factory.Dispose();
        GC.SuppressFinalize(this);
    }
}
