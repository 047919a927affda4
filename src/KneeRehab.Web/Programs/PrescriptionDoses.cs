using KneeRehab.Web.Data;
using KneeRehab.Web.Training;

namespace KneeRehab.Web.Programs;

/// <summary>The stored prescription and the engine's dose are the same five numbers; these convert between them.</summary>
public static class PrescriptionDoses
{
    public static Dose ToDose(this Prescription p) => new(p.Sets, p.Reps, p.HoldSeconds, p.LoadKg, p.Level);

    public static Prescription ToPrescription(this Dose d) => new(d.Sets, d.Reps, d.HoldSeconds, d.LoadKg, d.Level);
}
