namespace KneeRehab.BrowserTests;

/// <summary>Registering, logging in and out as a patient does it, in the browser: shared by the journeys.</summary>
public static class PatientAccount
{
    public const string Password = "gentle knee bends daily";

    public static string NewEmail() => $"patient-{Guid.NewGuid():N}@example.test";

    /// <summary>As a new patient does it: the form, the link in the e-mail, then log in.</summary>
    public static async Task RegisterAsync(BrowserSession s, AppServer app, string email)
    {
        var page = s.Page;
        await s.GotoAsync("/identity/account/register");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await page.GetByLabel("Confirm Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        await page.WaitForURLAsync("**/identity/account/registerconfirmation*");
        await s.CheckPageAsync();

        await s.GotoAsync(app.Mailbox.ConfirmationLink(email));
        await s.CheckPageAsync();
        await page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Log in" }).ClickAsync();
        await LogInAsync(s, email);
    }

    /// <summary>Fills in the log-in page the browser is on.</summary>
    public static async Task LogInAsync(BrowserSession s, string email)
    {
        var page = s.Page;
        await page.WaitForURLAsync("**/identity/account/login*");
        await s.CheckPageAsync();
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await page.WaitForURLAsync(s.Url("/"));
        await s.CheckPageAsync();
    }

    public static async Task LogOutAsync(BrowserSession s)
    {
        await s.Page.GetByRole(AriaRole.Button, new() { Name = "Log out" }).ClickAsync();
        await s.Page.WaitForURLAsync(s.Url("/"));
        await s.CheckPageAsync();
    }
}
