using System.ComponentModel.DataAnnotations;
using KneeRehab.Web.Training;
using Microsoft.Extensions.Configuration;

namespace KneeRehab.Tests.Training;

public class ProgressionOptionsTests
{
    private static List<ValidationResult> Problems(ProgressionOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }

    [Fact]
    public void Defaults_are_the_fact_sheet_values()
    {
        var o = new ProgressionOptions();

        Assert.Equal("Progression", ProgressionOptions.Section);
        Assert.Equal(3, o.GreenPainMax);
        Assert.Equal(5, o.AmberPainMax);
        Assert.Equal(8, o.SeverePain);
        Assert.Equal(7, o.StopPain);
        Assert.Equal(1, o.SettledRise);
        Assert.Equal(3, o.RedNextMorningRise);
        Assert.Equal(4, o.SevereNextMorningRise);
        Assert.Equal(36, o.PendingHours);
        Assert.Equal(14, o.GapDays);
        Assert.Equal(2, o.GreenStreak);
        Assert.Equal(3, o.FailStreak);
        Assert.Equal(0.8, o.FailCompletion);
        Assert.Equal(1.0, o.WeeklyRise);
        Assert.Equal(5, o.LoadIncreasePercent);
        Assert.Equal(10, o.MaxLoadIncreasePercent);
        Assert.Equal(10, o.LoadDecreasePercent);
        Assert.Empty(Problems(o));
    }

    [Fact]
    public void The_section_binds_from_configuration()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Progression:GreenPainMax"] = "2",
                ["Progression:FailCompletion"] = "0.75",
                ["Progression:GapDays"] = "21",
            })
            .Build();

        var options = configuration.GetSection(ProgressionOptions.Section).Get<ProgressionOptions>()!;

        Assert.Equal(2, options.GreenPainMax);
        Assert.Equal(0.75, options.FailCompletion);
        Assert.Equal(21, options.GapDays);
        Assert.Equal(5, options.AmberPainMax);
    }

    [Theory]
    [InlineData(nameof(ProgressionOptions.GreenPainMax), 5)]
    [InlineData(nameof(ProgressionOptions.SeverePain), 5)]
    [InlineData(nameof(ProgressionOptions.StopPain), 5)]
    [InlineData(nameof(ProgressionOptions.RedNextMorningRise), 1)]
    [InlineData(nameof(ProgressionOptions.SevereNextMorningRise), 2)]
    [InlineData(nameof(ProgressionOptions.MaxLoadIncreasePercent), 4)]
    [InlineData(nameof(ProgressionOptions.PendingHours), 0)]
    [InlineData(nameof(ProgressionOptions.GreenStreak), 0)]
    [InlineData(nameof(ProgressionOptions.AmberPainMax), 11)]
    public void Thresholds_out_of_order_or_range_are_refused_and_the_engine_will_not_start_with_them(string property, int value)
    {
        var options = new ProgressionOptions();
        typeof(ProgressionOptions).GetProperty(property)!.SetValue(options, Convert.ChangeType(value, typeof(ProgressionOptions).GetProperty(property)!.PropertyType, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Contains(Problems(options), p => p.MemberNames.Contains(property));
        Assert.Throws<ValidationException>(() => new ProgressionEngine(options));
    }

    [Fact]
    public void Fail_completion_above_1_is_refused() =>
        Assert.NotEmpty(Problems(new ProgressionOptions { FailCompletion = 1.1 }));
}
