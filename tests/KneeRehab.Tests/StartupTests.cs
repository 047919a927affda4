using KneeRehab.Tests.Content;
using KneeRehab.Web.Content;

namespace KneeRehab.Tests;

public class StartupTests
{
    [Fact]
    public void App_refuses_to_start_on_invalid_content()
    {
        using var factory = new KneeRehabFactory { ContentRoot = ContentLoaderTests.Fixture("many-problems") };

        // Program.cs prints every problem (ContentLoaderTests check the report) and returns 1 before a host is built.
        var error = Assert.Throws<InvalidOperationException>(() => factory.CreateClient());

        Assert.Contains("exited without ever building", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Oracle", "", "Database:Provider is 'Oracle'; it must be Sqlite (the default) or Postgres.")]
    [InlineData("Postgres", "", "Database:Provider is Postgres, so ConnectionStrings:KneeRehab must name the server")]
    public void App_refuses_to_start_on_a_database_setting_it_cannot_use_and_names_the_setting(string provider, string connection, string message)
    {
        using var factory = new KneeRehabFactory
        {
            Settings = new Dictionary<string, string> { ["Database:Provider"] = provider, ["ConnectionStrings:KneeRehab"] = connection },
        };

        var error = Assert.ThrowsAny<InvalidOperationException>(() => factory.CreateClient());

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task App_starts_on_a_configured_content_folder()
    {
        using var factory = new KneeRehabFactory { ContentRoot = ContentLoaderTests.Fixture("valid") };
        var client = factory.CreateClient();

        var document = await client.GetDocumentAsync("/exercises");

        Assert.Equal(2, document.QuerySelectorAll(".guide-card").Length);
    }

    [Fact]
    public void Check_content_prints_a_one_line_summary_and_exits_zero_on_valid_content()
    {
        var output = new StringWriter();

        var exitCode = CheckContentCommand.Run(["check-content", ContentLoaderTests.Fixture("valid")], output);

        Assert.Equal(0, exitCode);
        Assert.Equal(
            [$"Content OK: 2 guides in {ContentLoaderTests.Fixture("valid")}", "Every program can be finished by a steady patient."],
            output.ToString().Trim().Split('\n').Select(l => l.TrimEnd()));
    }

    [Fact]
    public void Check_content_names_the_program_phase_and_exercise_a_steady_patient_cannot_finish()
    {
        var output = new StringWriter();

        var exitCode = CheckContentCommand.Run(["check-content", ContentLoaderTests.Fixture("unfinishable-program")], output);

        Assert.Equal(1, exitCode);
        var report = output.ToString();
        Assert.Contains("programs/test-program.md: a steady patient cannot finish", report);
        Assert.Contains("phase 1 Start", report);
        Assert.Contains("First guide", report);
    }

    [Fact]
    public void Check_content_prints_every_problem_and_exits_non_zero()
    {
        var output = new StringWriter();

        var exitCode = CheckContentCommand.Run(["check-content", ContentLoaderTests.Fixture("many-problems")], output);

        Assert.Equal(1, exitCode);
        var lines = output.ToString();
        Assert.Contains("exercises/lone-guide.md: level: 9 is out of range 1-5", lines);
        Assert.Contains("exercises/third-guide.md: summary: missing required field", lines);
        Assert.Contains("exercises/other-guide.md: level: 0 is out of range 1-5", lines);
        Assert.Contains("exercises/other-guide.md: regression[0]: 'ghost' names no guide", lines);
    }
}
