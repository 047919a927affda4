using KneeRehab.Web.Clinic;
using KneeRehab.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace KneeRehab.BrowserTests;

/// <summary>
/// Physiotherapist mode in a real browser: the physiotherapist at a desktop's size invites, the patient on a phone
/// accepts and logs two painful workouts, the physiotherapist sees the caseload flag, opens the patient's page and
/// lowers a dose with a reason, which the patient reads on /today. Every page is checked by axe-core and the
/// Nu HTML Checker.
/// </summary>
public class ClinicJourneyTests(AppServer app, BrowserHost host) : IClassFixture<BrowserHost>, IAsyncLifetime
{
    private readonly List<BrowserSession> _sessions = [];

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var session in _sessions) await session.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>What the grant-physio command does, on the browser tests' own server.</summary>
    private async Task GrantAsync(string email)
    {
        using var scope = app.Services.CreateScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        if (!await roles.RoleExistsAsync(ClinicRegistration.Role)) await roles.CreateAsync(new IdentityRole(ClinicRegistration.Role));
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        Assert.True((await users.AddToRoleAsync(user, ClinicRegistration.Role)).Succeeded);
        await users.UpdateSecurityStampAsync(user);
    }

    /// <summary>
    /// The clinic's administrator (configured, at a desktop's size) makes a registered account a physiotherapist at
    /// /clinic/admin. The administrator registers once per server.
    /// </summary>
    private async Task GrantAtAdminAsync(string email)
    {
        var admin = await BrowserSession.StartAsync(host, app, BrowserSession.Desktop);
        _sessions.Add(admin);
        await admin.RunAsync("clinic-admin", async () =>
        {
            await Patients.RegisterAsync(admin, app, AppServer.Administrator);
            await admin.GotoAsync("/clinic/admin");
            await admin.CheckPageAsync();
            await admin.Page.GetByLabel("Make a registered account a physiotherapist").FillAsync(email);
            await admin.Page.GetByRole(AriaRole.Button, new() { Name = "Grant the role" }).ClickAsync();
            await admin.ArriveAsync("**/clinic/admin");
            await admin.CheckPageAsync();
            Assert.Contains(email, await admin.Page.Locator("main").TextContentAsync());
        });
    }

    /// <summary>
    /// A physiotherapist invites (at a desktop's size unless <paramref name="physioSize"/> says otherwise), and a patient
    /// on a phone registers, starts <paramref name="program"/> (none when empty) and accepts.
    /// </summary>
    private async Task<(BrowserSession Physio, BrowserSession Patient)> LinkedAsync(string program = "runners-knee", (int, int)? physioSize = null, bool grantAtAdmin = false)
    {
        var physio = await BrowserSession.StartAsync(host, app, physioSize ?? BrowserSession.Desktop);
        _sessions.Add(physio);
        var patient = await BrowserSession.StartAsync(host, app, BrowserSession.Phone);
        _sessions.Add(patient);
        var physioEmail = $"physio-{Guid.NewGuid():N}@example.test";
        string? code = null;

        await physio.RunAsync("clinic-invite", async () =>
        {
            await Patients.RegisterAsync(physio, app, physioEmail);
            if (grantAtAdmin) await GrantAtAdminAsync(physioEmail);
            else await GrantAsync(physioEmail);
            // Granting ends the sessions: the physiotherapist logs in again, and the menu has "Patients".
            await physio.GotoAsync("/identity/account/login");
            await Patients.LogInAsync(physio, physioEmail);
            await physio.Page.GetByRole(AriaRole.Link, new() { Name = "Patients" }).ClickAsync();
            await physio.ArriveAsync("**/clinic");
            await physio.CheckPageAsync();
            await physio.Page.GetByRole(AriaRole.Link, new() { Name = "Invite a patient" }).ClickAsync();
            await physio.ArriveAsync("**/clinic/invite");
            await physio.CheckPageAsync();
            await physio.Page.GetByRole(AriaRole.Button, new() { Name = "Make an invitation" }).ClickAsync();
            await physio.ArriveAsync("**/clinic/invite");
            await physio.CheckPageAsync();
            code = await physio.Page.Locator(".invitation-code strong").TextContentAsync();
        });

        await patient.RunAsync("clinic-accept", async () =>
        {
            await Patients.RegisterAsync(patient, app, Patients.NewEmail());
            if (program.Length > 0) await Patients.StartProgramAsync(patient, program, "2");
            await patient.GotoAsync("/account/preferences");
            await patient.Page.GetByRole(AriaRole.Link, new() { Name = "Your physiotherapists" }).ClickAsync();
            await patient.ArriveAsync("**/account/physiotherapists");
            await patient.CheckPageAsync();
            await patient.Page.GetByLabel("Invitation code").FillAsync(code!);
            await patient.Page.GetByRole(AriaRole.Button, new() { Name = "Accept and share my progress" }).ClickAsync();
            await patient.ArriveAsync("**/account/physiotherapists");
            await patient.CheckPageAsync();
            Assert.Contains(physioEmail, await patient.Page.Locator(".care-links").TextContentAsync());
        });
        return (physio, patient);
    }

    [Fact]
    public async Task A_physiotherapist_invites_a_patient_who_accepts_on_a_phone_logs_painful_workouts_and_reads_the_lowered_dose_on_today()
    {
        var (physio, patient) = await LinkedAsync();

        await patient.RunAsync("clinic-painful-workouts", async () =>
        {
            // Two workouts that hurt (6 out of 10, above the acceptable 5).
            for (var workout = 0; workout < 2; workout++)
            {
                await patient.GotoAsync("/log?exercise=wall-squat");
                // The player remembers the whole form once chosen.
                if (workout == 0) await Patients.ShowWholeFormAsync(patient);
                await patient.Page.GetByLabel("Pain during (0-10)").FillAsync("6");
                await patient.Page.GetByRole(AriaRole.Button, new() { Name = "Save workout" }).Last.ClickAsync();
                await patient.ArriveAsync(new System.Text.RegularExpressions.Regex("/history/\\d+$"));
                await patient.CheckPageAsync();
            }
        });

        await physio.RunAsync("clinic-caseload", async () =>
        {
            await physio.GotoAsync("/clinic");
            await physio.CheckPageAsync();
            Assert.Contains("Painful workouts", await physio.Page.Locator(".caseload-row .caseload-flags").First.TextContentAsync());
            await physio.Page.Locator(".caseload-row th a").First.ClickAsync();
            await physio.ArriveAsync("**/clinic/patients/*");
            await physio.CheckPageAsync();
            Assert.Contains("Runner's knee", await physio.Page.Locator(".report").TextContentAsync());

            // A lower dose with a reason.
            await physio.Page.GetByLabel("Exercise", new() { Exact = true }).SelectOptionAsync("wall-squat");
            await physio.Page.GetByLabel("Sets", new() { Exact = true }).FillAsync("2");
            await physio.Page.GetByLabel("Reps", new() { Exact = true }).FillAsync("8");
            await physio.Page.GetByLabel("Why (the patient reads this)").FillAsync("keep depth while the tendon settles");
            await physio.Page.GetByRole(AriaRole.Button, new() { Name = "Make this change" }).ClickAsync();
            await physio.ArriveAsync("**/clinic/patients/*");
            await physio.CheckPageAsync();
            Assert.Contains("Wall squat has its next dose set", await physio.Page.Locator(".alert-success").TextContentAsync());

            await physio.Page.GetByRole(AriaRole.Link, new() { Name = "Notes with this patient" }).ClickAsync();
            await physio.ArriveAsync("**/clinic/patients/*/notes");
            await physio.CheckPageAsync();
            await physio.Page.GetByLabel("A note for your patient", new() { Exact = false }).FillAsync("Shallower squats this week, see you Friday");
            await physio.Page.GetByRole(AriaRole.Button, new() { Name = "Send the note" }).ClickAsync();
            await physio.ArriveAsync("**/clinic/patients/*/notes");
            await physio.CheckPageAsync();

            // The preview of another program, before anything is assigned.
            await physio.GotoAsync(physio.Page.Url.Replace("/notes", "/prescribe?program=inner-range-quadriceps", StringComparison.Ordinal)[physio.Url("").Length..]);
            await physio.CheckPageAsync();
            Assert.Equal(2, await physio.Page.Locator(".preview-table").CountAsync());
        });

        await patient.RunAsync("clinic-today", async () =>
        {
            await patient.GotoAsync("/today");
            await patient.CheckPageAsync();
            Assert.Contains("Your physiotherapist changed your wall squat to 2×8", await patient.Page.Locator(".decision-list").TextContentAsync());
            Assert.Contains("keep depth while the tendon settles", await patient.Page.Locator(".decision-list").TextContentAsync());
            Assert.Contains("Shallower squats this week", await patient.Page.Locator(".new-notes").TextContentAsync());
            await patient.Page.Locator(".new-notes").GetByRole(AriaRole.Link, new() { Name = "Reply" }).ClickAsync();
            await patient.ArriveAsync("**/account/notes/*");
            await patient.CheckPageAsync();
            await patient.Page.GetByLabel("A note for your physiotherapist", new() { Exact = false }).FillAsync("Will do");
            await patient.Page.GetByRole(AriaRole.Button, new() { Name = "Send the note" }).ClickAsync();
            await patient.ArriveAsync("**/account/notes/*");
            await patient.CheckPageAsync();
        });

        await patient.RunAsync("clinic-audit", async () =>
        {
            await patient.GotoAsync("/account/physiotherapists");
            await patient.CheckPageAsync();
            Assert.Contains("Opened your progress", await patient.Page.Locator(".clinic-audit").TextContentAsync());
        });
    }

    /// <summary>On a phone the page fits the screen's width: nothing (a long address, a table) makes it scroll sideways.</summary>
    private static async Task FitsThePhoneAsync(BrowserSession session)
    {
        var width = await session.Page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= BrowserSession.Phone.Width, $"{session.Page.Url} is {width} px wide on a {BrowserSession.Phone.Width} px phone");
    }

    [Fact]
    public async Task A_physiotherapist_builds_a_program_from_the_guides_previews_and_starts_it_then_holds_an_exercise_and_the_patient_reads_it()
    {
        // This time the physiotherapist works on a phone, and the administrator grants the role from the site.
        var (physio, patient) = await LinkedAsync(program: "", physioSize: BrowserSession.Phone, grantAtAdmin: true);

        await physio.RunAsync("clinic-build", async () =>
        {
            await physio.GotoAsync("/clinic");
            await physio.Page.Locator(".caseload-row th a").First.ClickAsync();
            await physio.ArriveAsync("**/clinic/patients/*");
            await physio.Page.GetByRole(AriaRole.Link, new() { Name = "Start a program for this patient" }).ClickAsync();
            await physio.ArriveAsync("**/clinic/patients/*/prescribe");
            await physio.CheckPageAsync();
            await physio.Page.GetByRole(AriaRole.Link, new() { Name = "Build a program from the guides" }).ClickAsync();
            await physio.ArriveAsync(new System.Text.RegularExpressions.Regex("/clinic/programs/new\\?patient="));
            await physio.CheckPageAsync();

            // From the inner-range program, with a fourth phase of step-ups.
            await physio.Page.GetByLabel("Start from a program").SelectOptionAsync("inner-range-quadriceps");
            await physio.Page.GetByRole(AriaRole.Button, new() { Name = "Start from it" }).ClickAsync();
            await physio.ArriveAsync(new System.Text.RegularExpressions.Regex("/clinic/programs/new\\?.*from=inner-range-quadriceps"));
            await physio.CheckPageAsync();
            Assert.Equal(3, await physio.Page.Locator(".builder-phase").CountAsync());
            await physio.Page.GetByRole(AriaRole.Button, new() { Name = "Add a phase" }).ClickAsync();
            await physio.Page.Locator(".builder-phase").Nth(3).WaitForAsync();
            await physio.CheckPageAsync();
            await physio.Page.Locator("[name='Draft.Phases[3].Name']").FillAsync("Steps");
            await physio.Page.Locator("[name='Draft.Phases[3].Exercises[0].Slug']").SelectOptionAsync("step-up");
            await physio.Page.Locator("[name='Draft.Phases[3].Exercises[0].Sets']").FillAsync("2");
            await physio.Page.Locator("[name='Draft.Phases[3].Exercises[0].Reps']").FillAsync("8");
            await physio.Page.GetByRole(AriaRole.Button, new() { Name = "Preview with virtual patients" }).ClickAsync();
            await physio.Page.Locator(".preview-table").First.WaitForAsync();
            await physio.CheckPageAsync();
            Assert.Equal(2, await physio.Page.Locator(".preview-table").CountAsync());
            Assert.Equal("Steps", await physio.Page.Locator("[name='Draft.Phases[3].Name']").InputValueAsync());
            await FitsThePhoneAsync(physio);

            await physio.Page.GetByRole(AriaRole.Button, new() { Name = "Save the program" }).ClickAsync();
            await physio.ArriveAsync(new System.Text.RegularExpressions.Regex("/prescribe\\?program=clinic-"));
            await physio.CheckPageAsync();
            // On a phone the page (the patient's long address in its heading, the preview tables) fits the screen's width.
            await FitsThePhoneAsync(physio);
            await physio.Page.GetByLabel("The patient's usual knee pain in the morning (0-10)").FillAsync("2");
            await physio.Page.GetByLabel("I have checked the patient for the warning signs", new() { Exact = false }).CheckAsync();
            await physio.Page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("for this patient$") }).ClickAsync();
            await physio.ArriveAsync("**/clinic/patients/*");
            await physio.CheckPageAsync();

            // Hold the first exercise where it is, with a reason.
            var first = await physio.Page.GetByLabel("Exercise", new() { Exact = true }).Locator("option").Nth(1).GetAttributeAsync("value");
            await physio.Page.GetByLabel("Exercise", new() { Exact = true }).SelectOptionAsync(first!);
            await physio.Page.GetByLabel("Hold it where it is").CheckAsync();
            await physio.Page.GetByLabel("Why (the patient reads this)").FillAsync("until I see you on Friday");
            await physio.Page.GetByRole(AriaRole.Button, new() { Name = "Make this change" }).ClickAsync();
            await physio.ArriveAsync("**/clinic/patients/*");
            await physio.CheckPageAsync();
            Assert.Contains("is held where it is", await physio.Page.Locator(".alert-success").TextContentAsync());
            await FitsThePhoneAsync(physio);

            await physio.GotoAsync("/clinic/programs");
            await physio.CheckPageAsync();
            await physio.Page.Locator(".own-programs a").First.ClickAsync();
            await physio.ArriveAsync("**/clinic/programs/clinic-*");
            await physio.CheckPageAsync();
            Assert.Equal(4, await physio.Page.Locator(".phase").CountAsync());
        });

        await patient.RunAsync("clinic-built-program", async () =>
        {
            await patient.GotoAsync("/today");
            await patient.CheckPageAsync();
            Assert.Contains("until I see you on Friday", await patient.Page.Locator(".decision-list").TextContentAsync());
            await patient.Page.Locator(".program-position a").ClickAsync();
            await patient.ArriveAsync("**/programs/mine");
            await patient.CheckPageAsync();
            Assert.Contains("Built for you by your physiotherapist", await patient.Page.Locator(".guide-tags").TextContentAsync());
        });
    }
}
