using System.ComponentModel.DataAnnotations;
using KneeRehab.Web.Data;

namespace KneeRehab.Web.Forms;

/// <summary>
/// "About you", asked when a program starts and kept in Account → preferences (Pages/Shared/_AboutYou.cshtml):
/// the age band, which decides the warning signs asked, and the goal, named on /progress and in the report.
/// </summary>
public sealed class AboutYouInput : IValidatableObject
{
    [EnumDataType(typeof(AgeBand), ErrorMessage = "Choose one of the age groups.")]
    [Display(Name = "age")]
    public AgeBand? AgeBand { get; set; }

    [EnumDataType(typeof(GoalActivity), ErrorMessage = "Choose one of the goals.")]
    [Display(Name = "goal")]
    public GoalActivity? Goal { get; set; }

    [StringLength(AboutMe.GoalDetailLength, ErrorMessage = "Keep it to 60 characters.")]
    [Display(Name = "sport or activity")]
    public string? GoalDetail { get; set; }

    public static AboutYouInput Of(ApplicationUser user) => new() { AgeBand = user.AgeBand, Goal = user.Goal, GoalDetail = user.GoalDetail };

    /// <summary>Stores the answers on the user; a name is kept only for the goals that take one.</summary>
    public void SaveTo(ApplicationUser user)
    {
        user.AgeBand = AgeBand;
        user.Goal = Goal;
        user.GoalDetail = Goal is GoalActivity.Sport or GoalActivity.Work or GoalActivity.Other && !string.IsNullOrWhiteSpace(GoalDetail) ? GoalDetail.Trim() : null;
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Goal == GoalActivity.Sport && string.IsNullOrWhiteSpace(GoalDetail))
            yield return new ValidationResult("Name the sport, for example football.", [nameof(GoalDetail)]);
    }
}
