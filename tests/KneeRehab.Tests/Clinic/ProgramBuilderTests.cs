using AngleSharp.Html.Dom;
using KneeRehab.Tests.Pages.Today;
using KneeRehab.Web.Content;
using KneeRehab.Web.Data;
using KneeRehab.Web.Programs;
using KneeRehab.Web.Training;
using Microsoft.EntityFrameworkCore;

namespace KneeRehab.Tests.Clinic;

/// <summary>
/// Physiotherapist mode: a program built from the guides, checked field by field, previewed with virtual patients,
/// saved as the same front matter as content/programs/, started for a patient, walked by the engine, and kept from
/// every other physiotherapist.
/// </summary>
public class ProgramBuilderTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly KneeRehabFactory _factory = new() { Clock = new TestClock(Start) };

    public void Dispose()
    {
        _factory.Dispose();
        GC.SuppressFinalize(this);
    }

    private static Dictionary<string, string> TwoPhases() => new()
    {
        ["Draft.Title"] = "Knee after a fall",
        ["Draft.Summary"] = "Gentle strength first, then control on steps.",
        ["Draft.WorkoutsPerWeek"] = "3",
        ["Draft.Phases[0].Name"] = "Settle",
        ["Draft.Phases[0].Weeks"] = "2",
        ["Draft.Phases[0].GreenWorkouts"] = "2",
        ["Draft.Phases[0].MinSets"] = "2",
        ["Draft.Phases[0].MinReps"] = "10",
        ["Draft.Phases[0].Exercises[0].Slug"] = "straight-leg-raise",
        ["Draft.Phases[0].Exercises[0].Sets"] = "2",
        ["Draft.Phases[0].Exercises[0].Reps"] = "10",
        ["Draft.Phases[0].Exercises[1].Slug"] = "wall-squat",
        ["Draft.Phases[0].Exercises[1].Sets"] = "2",
        ["Draft.Phases[0].Exercises[1].Reps"] = "8",
        ["Draft.Phases[0].Exercises[1].HoldSeconds"] = "3",
        ["Draft.Phases[0].Exercises[1].Level"] = "1",
        ["Draft.Phases[1].Name"] = "Steps",
        ["Draft.Phases[1].Weeks"] = "2",
        ["Draft.Phases[1].GreenWorkouts"] = "2",
        ["Draft.Phases[1].MinSets"] = "2",
        ["Draft.Phases[1].MinReps"] = "10",
        ["Draft.Phases[1].Exercises[0].Slug"] = "step-up",
        ["Draft.Phases[1].Exercises[0].Sets"] = "2",
        ["Draft.Phases[1].Exercises[0].Reps"] = "8",
    };

    /// <summary>
    /// Fills the builder as a physiotherapist would: the fields there are, "More exercise rows" or "Add a phase" for
    /// those not there yet (keeping what is typed), then the button of <paramref name="handler"/>.
    /// </summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient physio, string handler, Dictionary<string, string> fields, string? patient = null)
    {
        var page = await physio.GetDocumentAsync($"/clinic/programs/new{(patient is null ? "" : $"?patient={patient}")}");
        while (true)
        {
            var form = page.QuerySelector<IHtmlFormElement>("form.program-builder")!;
            var missing = fields.Keys.Where(name => form.Elements[name] is null).ToList();
            var present = fields.Where(f => form.Elements[f.Key] is not null).ToDictionary();
            IHtmlButtonElement Button(string name) => page.QuerySelector<IHtmlButtonElement>($"button[formaction*='handler={name}']")!;
            if (missing.Count == 0) return await physio.SubmitAsync(form, Button(handler), fields);
            var phases = page.QuerySelectorAll(".builder-phase").Length;
            var more = missing.Any(name => name.StartsWith($"Draft.Phases[{phases}]", StringComparison.Ordinal)) ? "Phase" : "Rows";
            using var grown = await physio.SubmitAsync(form, Button(more), present);
            page = await grown.ToDocumentAsync();
        }
    }

    [Fact]
    public async Task Bad_input_is_explained_next_to_each_field_keeps_what_was_typed_and_saves_nothing()
    {
        var physio = await ClinicTests.PhysioAsync(_factory);
        var fields = TwoPhases();
        fields["Draft.Title"] = "";
        fields["Draft.Phases[0].Exercises[1].Level"] = "5";
        fields["Draft.Phases[0].Exercises[0].Reps"] = "";
        fields["Draft.Phases[1].Exercises[0].Slug"] = "";
        fields["Draft.Phases[0].Exercises[2].Slug"] = "straight-leg-raise";
        fields["Draft.Phases[0].Exercises[2].Sets"] = "2";
        fields["Draft.Phases[0].Exercises[2].Reps"] = "10";
        using var refused = await PostAsync(physio, "Save", fields);
        Assert.Equal(System.Net.HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.ToDocumentAsync();
        string Message(string field) => page.QuerySelector($"span[data-valmsg-for='{field}']")!.TextContent;
        Assert.Equal("Give the program a title.", Message("Draft.Title"));
        Assert.Equal("Choose a level from 1 to 3.", Message("Draft.Phases[0].Exercises[1].Level"));
        Assert.Equal("Enter the reps, from 1 to 100.", Message("Draft.Phases[0].Exercises[0].Reps"));
        Assert.Equal("Choose at least one exercise for phase 2.", Message("Draft.Phases[1].Exercises[0].Slug"));
        Assert.Equal("The straight leg raise is in this phase already.", Message("Draft.Phases[0].Exercises[2].Slug"));
        Assert.Contains("Give the program a title.", page.QuerySelector(".error-summary")!.TextContent);
        // What was typed stays, and blank rows come back under each phase.
        Assert.Equal("Gentle strength first, then control on steps.", page.QuerySelector<IHtmlTextAreaElement>("textarea[name='Draft.Summary']")!.Value);
        Assert.Equal("wall-squat", page.QuerySelector<IHtmlSelectElement>("select[name='Draft.Phases[0].Exercises[1].Slug']")!.Value);
        Assert.Equal("Steps", page.QuerySelector<IHtmlInputElement>("input[name='Draft.Phases[1].Name']")!.Value);
        Assert.NotNull(page.QuerySelector("select[name='Draft.Phases[0].Exercises[4].Slug']"));
        Assert.NotNull(page.QuerySelector("select[name='Draft.Phases[1].Exercises[1].Slug']"));
        await using var db = _factory.OpenDatabase();
        Assert.False(await db.ClinicPrograms.AnyAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_built_program_is_previewed_saved_as_content_front_matter_started_for_a_patient_and_walked_by_the_engine()
    {
        var physio = await ClinicTests.PhysioAsync(_factory);
        var patient = await _factory.CreateUserClientAsync();
        var patientId = await _factory.UserIdAsync(patient);
        using (await ClinicTests.AcceptAsync(patient, await ClinicTests.InviteAsync(physio))) { }

        // "Add a phase" keeps the first and adds a second, with blank rows.
        var one = TwoPhases().Where(f => !f.Key.StartsWith("Draft.Phases[1]", StringComparison.Ordinal)).ToDictionary();
        using (var added = await PostAsync(physio, "Phase", one))
        {
            var page = await added.ToDocumentAsync();
            Assert.Equal("Settle", page.QuerySelector<IHtmlInputElement>("input[name='Draft.Phases[0].Name']")!.Value);
            Assert.Equal("Phase 2", page.QuerySelectorAll(".builder-phase > legend")[1].TextContent);
            Assert.Null(page.QuerySelector(".field-validation-error, .error-summary li"));
        }

        // The preview: the steady virtual patient finishes it in its 4 weeks; nothing is saved.
        using (var previewed = await PostAsync(physio, "Preview", TwoPhases()))
        {
            var page = await previewed.ToDocumentAsync();
            Assert.True(page.QuerySelectorAll(".preview-table").Length == 2, page.QuerySelector(".error-summary")?.TextContent);
            Assert.Contains("Steady: finished in 4 weeks", page.QuerySelector("#preview-heading")!.ParentElement!.TextContent);
            Assert.Equal("Knee after a fall", page.QuerySelector<IHtmlInputElement>("input[name='Draft.Title']")!.Value);
        }
        await using (var db = _factory.OpenDatabase()) Assert.False(await db.ClinicPrograms.AnyAsync(TestContext.Current.CancellationToken));

        // Saved for this patient: on to the start page with the program chosen and previewed.
        string slug;
        using (var saved = await PostAsync(physio, "Save", TwoPhases(), patientId))
        {
            Assert.Equal(System.Net.HttpStatusCode.Redirect, saved.StatusCode);
            var location = saved.Headers.Location!.OriginalString;
            Assert.StartsWith($"/clinic/patients/{patientId}/prescribe?program=clinic-", location);
            slug = location[(location.IndexOf("program=", StringComparison.Ordinal) + 8)..];
        }
        await using (var db = _factory.OpenDatabase())
        {
            var row = await db.ClinicPrograms.SingleAsync(TestContext.Current.CancellationToken);
            // The same front matter as a content file: the loader reads it back whole.
            var program = ContentLoader.ReadProgram(row.Definition, ContentLoader.Load(ContentOptions.DefaultRoot()).Snapshot!, []);
            Assert.NotNull(program);
            Assert.Equal(["straight-leg-raise", "wall-squat"], program.Meta.Phases[0].Exercises.Select(e => e.Slug));
            Assert.Equal((3, 4), (program.Meta.Phases[1].FirstWeek, program.Meta.Weeks));
        }
        var prescribe = await physio.GetDocumentAsync($"/clinic/patients/{patientId}/prescribe?program={slug}");
        Assert.Contains("\"Knee after a fall\" is saved", prescribe.QuerySelector(".alert-success")!.TextContent);
        Assert.Equal("Knee after a fall", prescribe.QuerySelector(".own-programs a[aria-current='page']")!.TextContent);
        Assert.Equal(2, prescribe.QuerySelectorAll(".preview-table").Length);
        using (var started = await physio.SubmitAsync(prescribe.QuerySelector<IHtmlFormElement>("main form[method='post']")!, null, new Dictionary<string, string>
        {
            ["BaselineMorningPain"] = "2", ["Screened"] = "true",
        })) started.AssertRedirect($"/clinic/patients/{patientId}");

        // The patient's /today: its exercises at the doses set, and a page for the program.
        var today = await patient.GetDocumentAsync("/today");
        Assert.Equal("Knee after a fall", today.QuerySelector(".program-position a[href='/programs/mine']")!.TextContent);
        Assert.StartsWith("2×10", today.DoseOf("straight-leg-raise"));
        Assert.StartsWith("2×8 with a 3 s hold (level 1)", today.DoseOf("wall-squat"));
        var mine = await patient.GetDocumentAsync("/programs/mine");
        Assert.Contains("Built for you by your physiotherapist", mine.QuerySelector(".guide-tags")!.TextContent);
        Assert.Equal(["Weeks 1–2: Settle", "Weeks 3–4: Steps"], mine.QuerySelectorAll(".phase h3").Select(h => h.TextContent));

        // The engine walks it like any program: two good workouts, and the straight leg raise moves up.
        for (var day = 0; day < 4; day++)
        {
            _factory.Clock!.Now = Start.Date.AddDays(day).AddHours(7);
            if ((await patient.GetDocumentAsync("/today")).QuerySelector<IHtmlFormElement>(".morning-question form") is { } question)
                using (var answered = await patient.SubmitAsync(question, null, new Dictionary<string, string> { ["MorningPain"] = "2" })) answered.AssertRedirect("/today");
            _factory.Clock.Now = Start.Date.AddDays(day).AddHours(18);
            var evening = await patient.GetDocumentAsync("/today");
            if (evening.QuerySelector("form.workout-form") is not null)
                using (var saved = await Pages.Log.WorkoutForms.SaveAsync(patient, evening, new Dictionary<string, string> { ["Input.PainForAll"] = "1" })) saved.AssertRedirect("/history/");
        }
        _factory.Clock!.Now = Start.Date.AddDays(4).AddHours(8);
        Assert.StartsWith("3×10", (await patient.GetDocumentAsync("/today")).DoseOf("straight-leg-raise"));
        // The program is in its author's personal-data download.
        var account = await physio.GetDocumentAsync("/identity/account/manage/personaldata");
        using (var download = await physio.SubmitAsync(account.QuerySelector<IHtmlFormElement>("form#download-data")!))
        using (var json = System.Text.Json.JsonDocument.Parse(await download.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)))
            Assert.Equal(slug, Assert.Single(json.RootElement.GetProperty("clinic").GetProperty("builtPrograms").EnumerateArray()).GetProperty("Slug").GetString());
        var caseload = await physio.GetDocumentAsync("/clinic");
        Assert.Contains("Knee after a fall", caseload.QuerySelector(".caseload-row")!.TextContent);

        // The download is a file for content/programs/, under a slug from its title, that the loader accepts beside the others.
        var file = await physio.GetStringAsync($"/clinic/programs/{slug}?handler=Download", TestContext.Current.CancellationToken);
        var root = Directory.CreateTempSubdirectory("kneerehab-content-");
        try
        {
            CopyFolder(ContentOptions.DefaultRoot(), root.FullName);
            File.WriteAllText(Path.Combine(root.FullName, "programs", "knee-after-a-fall.md"), file);
            var loaded = ContentLoader.Load(root.FullName);
            Assert.True(loaded.IsValid, loaded.Report());
            Assert.Equal("Knee after a fall", loaded.Snapshot!.FindProgram("knee-after-a-fall")!.Meta.Title);
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Another_physiotherapists_program_is_404_to_open_download_or_start()
    {
        var author = await ClinicTests.PhysioAsync(_factory);
        using (await PostAsync(author, "Save", TwoPhases())) { }
        string slug;
        await using (var db = _factory.OpenDatabase()) slug = (await db.ClinicPrograms.SingleAsync(TestContext.Current.CancellationToken)).Slug;
        Assert.Equal(System.Net.HttpStatusCode.OK, (await author.GetAsync($"/clinic/programs/{slug}", TestContext.Current.CancellationToken)).StatusCode);

        var other = await ClinicTests.PhysioAsync(_factory);
        var (patient, _) = await _factory.StartedAsync("runners-knee");
        var patientId = await _factory.UserIdAsync(patient);
        using (await ClinicTests.AcceptAsync(patient, await ClinicTests.InviteAsync(other))) { }
        foreach (var path in new[] { $"/clinic/programs/{slug}", $"/clinic/programs/{slug}?handler=Download" })
            Assert.Equal(System.Net.HttpStatusCode.NotFound, (await other.GetAsync(path, TestContext.Current.CancellationToken)).StatusCode);
        var prescribe = await other.GetDocumentAsync($"/clinic/patients/{patientId}/prescribe?program={slug}");
        Assert.Null(prescribe.QuerySelector(".preview-table"));
        Assert.DoesNotContain("Knee after a fall", prescribe.Body!.TextContent);
        // A patient cannot start it from the programs pages either.
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await patient.GetAsync($"/programs/{slug}/start", TestContext.Current.CancellationToken)).StatusCode);
        await using (var db = _factory.OpenDatabase())
            Assert.Equal("runners-knee", (await db.Enrollments.SingleAsync(TestContext.Current.CancellationToken)).ProgramSlug);
    }

    [Fact]
    public async Task The_simulator_walks_a_built_program_steady_to_its_finish_and_a_flare_down_and_back()
    {
        var content = ContentLoader.Load(ContentOptions.DefaultRoot()).Snapshot!;
        var draft = new Web.Clinic.ProgramDraft
        {
            Title = "Three phases", Summary = "A test.", WorkoutsPerWeek = 3, MilestonesFrom = "runners-knee",
            Phases =
            [
                new() { Name = "One", Weeks = 2, GreenWorkouts = 2, MinSets = 2, MinReps = 10, Exercises = [new() { Slug = "ball-bridge", Sets = 2, Reps = 10 }, new() { Slug = "wall-squat", Sets = 2, Reps = 10, HoldSeconds = 3 }] },
                new() { Name = "Two", Weeks = 3, GreenWorkouts = 2, MinSets = 2, MinReps = 8, Exercises = [new() { Slug = "step-down", Sets = 2, Reps = 8 }] },
                new() { Name = "Three", Weeks = 2, GreenWorkouts = 2, MinSets = 2, MinReps = 8, Exercises = [new() { Slug = "step-down", Sets = 3, Reps = 10 }, new() { Slug = "split-squat", Sets = 2, Reps = 8 }] },
            ],
        };
        // The runner's knee ladder needs a fourth phase: said in words, next to the choice.
        var problems = new List<string>();
        draft.Check(content, "Draft", (field, message) => problems.Add($"{field}: {message}"));
        Assert.Equal(["Draft.MilestonesFrom: The ladder of “Runner's knee” asks for phase 4; this program has 3. Choose another ladder, or none."], problems);
        draft.MilestonesFrom = "early-knee-osteoarthritis";
        problems.Clear();
        draft.Check(content, "Draft", (field, message) => problems.Add($"{field}: {message}"));
        Assert.Empty(problems);
        var loaded = new List<ContentProblem>();
        var program = ContentLoader.ReadProgram(FrontMatterReader.Write(draft.ToFrontMatter("clinic-test", content, new DateOnly(2026, 3, 2))), content, loaded);
        Assert.Empty(loaded);
        Assert.NotNull(program);
        Assert.NotEmpty(program.Meta.Milestones);

        // Read once per content snapshot; a snapshot without one of its guides (a guide taken down) does not read it.
        var definition = FrontMatterReader.Write(program.Meta);
        Assert.Same(ProgramCatalog.Read(definition, content), ProgramCatalog.Read(definition, content));
        Assert.Null(ProgramCatalog.Read(definition, new ContentSnapshot(content.Guides.Where(g => g.Slug != "split-squat"), [], content.Programs)));

        var library = new ContentLibrary(content, ContentOptions.DefaultRoot(), new ProgressionOptions());
        var simulator = new ProgramSimulator(library, new ProgressionOptions());
        var steady = await simulator.RunAsync(program, PatientKind.Steady, 12, seed: 1);
        Assert.Equal(SimulationOutcome.Finished, steady.Outcome);
        Assert.Equal(7, steady.Weeks);
        Assert.Equal(2, steady.Transitions.Count(t => t.Kind == TransitionKind.PhaseAdvanced));
        Assert.NotEmpty(steady.Milestones);
        var flare = await simulator.RunAsync(program, PatientKind.Flare, 12, seed: 1);
        Assert.Contains(flare.Decisions, d => d.Kind == DecisionKind.Regress);
        Assert.Equal(SimulationOutcome.Finished, flare.Outcome);
        Assert.True(flare.Weeks >= steady.Weeks);
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
    }
}
