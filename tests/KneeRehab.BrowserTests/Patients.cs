namespace KneeRehab.BrowserTests;

/// <summary>What every journey of a signed-in patient starts with: registering through the e-mailed link, logging in, a program.</summary>
public static class Patients
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
        await s.ArriveAsync("**/identity/account/registerconfirmation*");
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
        await s.ArriveAsync("**/identity/account/login*");
        await s.CheckPageAsync();
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        // The address, polled: a navigation's load event can be missed when the service worker answers it.
        await Assertions.Expect(page).ToHaveURLAsync(s.Url("/"));
        await s.CheckPageAsync();
    }

    /// <summary>Logs out with the button in the header and lands on the home page.</summary>
    public static async Task LogOutAsync(BrowserSession s)
    {
        await s.Page.GetByRole(AriaRole.Button, new() { Name = "Log out" }).ClickAsync();
        await Assertions.Expect(s.Page.GetByRole(AriaRole.Link, new() { Name = "Log in" })).ToBeVisibleAsync();
        await Assertions.Expect(s.Page).ToHaveURLAsync(s.Url("/"));
        await s.CheckPageAsync();
    }

    /// <summary>Starts a program from its start page with a usual morning pain, and lands on /today.</summary>
    public static async Task StartProgramAsync(BrowserSession s, string program, string morningPain)
    {
        await s.GotoAsync($"/programs/{program}/start");
        await s.Page.GetByLabel("Your usual knee pain when you get up in the morning", new() { Exact = false }).FillAsync(morningPain);
        await s.Page.GetByRole(AriaRole.Button, new() { Name = "Start the program" }).ClickAsync();
        await s.ArriveAsync("**/today");
        await s.CheckPageAsync();
    }

    /// <summary>A patient who chose the whole form before: the player remembers that choice on the device.</summary>
    public static Task PreferWholeFormAsync(BrowserSession s) =>
        s.Page.Context.AddInitScriptAsync("try { localStorage.setItem('kneerehab-player-whole', 'true'); } catch (e) { }");

    /// <summary>The workout player shows one exercise at a time; journeys about the classic form ask for all of it.</summary>
    public static async Task ShowWholeFormAsync(BrowserSession s)
    {
        await s.Page.GetByRole(AriaRole.Button, new() { Name = "Show the whole form" }).ClickAsync();
        await s.Page.Locator("form.workout-form:not(.player-on)").WaitForAsync();
    }
}
