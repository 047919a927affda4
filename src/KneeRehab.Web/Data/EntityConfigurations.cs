using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KneeRehab.Web.Data;

public sealed class WorkoutConfiguration : IEntityTypeConfiguration<Workout>
{
    public void Configure(EntityTypeBuilder<Workout> builder)
    {
        builder.Property(w => w.Notes).HasMaxLength(2000);
        // Deleting an account deletes its workouts.
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(w => w.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(w => w.Exercises).WithOne(e => e.Workout).HasForeignKey(e => e.WorkoutId).OnDelete(DeleteBehavior.Cascade);
        // History pages: this user's workouts by date, newest first (keyset on Date, Id).
        builder.HasIndex(w => new { w.UserId, w.Date, w.Id });
        builder.HasIndex(w => new { w.UserId, w.IdempotencyKey }).IsUnique();
        // The workouts of one program, in order: making its decisions again reads them.
        builder.HasIndex(w => new { w.EnrollmentId, w.Date });
        builder.HasOne<ProgramEnrollment>().WithMany().HasForeignKey(w => w.EnrollmentId).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class WorkoutExerciseConfiguration : IEntityTypeConfiguration<WorkoutExercise>
{
    public void Configure(EntityTypeBuilder<WorkoutExercise> builder)
    {
        builder.Property(e => e.ExerciseSlug).HasMaxLength(100);
        builder.Property(e => e.Note).HasMaxLength(200);
        builder.Property(e => e.Side).HasConversion<string>().HasMaxLength(8);
        builder.HasMany(e => e.Sets).WithOne().HasForeignKey(s => s.WorkoutExerciseId).OnDelete(DeleteBehavior.Cascade);
        builder.ComplexProperty(e => e.Prescribed);
        // Pre-fill and "change since last time": this user's latest entry of one exercise, one seek.
        builder.HasIndex(e => new { e.UserId, e.ExerciseSlug, e.Date, e.Id });
        // Progress and the report: one user's entries in a date range, read without a scan of older years.
        builder.HasIndex(e => new { e.UserId, e.Date });
    }
}

public sealed class LoggedSetConfiguration : IEntityTypeConfiguration<LoggedSet>
{
    public void Configure(EntityTypeBuilder<LoggedSet> builder) =>
        builder.HasIndex(s => new { s.WorkoutExerciseId, s.Number });
}

public sealed class ProgramEnrollmentConfiguration : IEntityTypeConfiguration<ProgramEnrollment>
{
    public void Configure(EntityTypeBuilder<ProgramEnrollment> builder)
    {
        builder.Property(e => e.ProgramSlug).HasMaxLength(100);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.StatusReason).HasMaxLength(200);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
        // One active program per user, enforced by the database too.
        builder.HasIndex(e => e.UserId).IsUnique().HasFilter("\"EndedOn\" IS NULL");
        builder.HasMany<ProgramDecision>().WithOne().HasForeignKey(d => d.EnrollmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany<ProgramTransition>().WithOne().HasForeignKey(t => t.EnrollmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany<MilestoneReached>().WithOne().HasForeignKey(m => m.EnrollmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> builder)
    {
        builder.Property(u => u.TimeZoneId).HasMaxLength(64);
        builder.Property(u => u.AgeBand).HasConversion<string>().HasMaxLength(12);
        builder.Property(u => u.Goal).HasConversion<string>().HasMaxLength(20);
    }
}

public sealed class ProgramDecisionConfiguration : IEntityTypeConfiguration<ProgramDecision>
{
    public void Configure(EntityTypeBuilder<ProgramDecision> builder)
    {
        builder.Property(d => d.ExerciseSlug).HasMaxLength(100);
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(10);
        builder.Property(d => d.Reasons).HasMaxLength(300);
        builder.Property(d => d.Message).HasMaxLength(600);
        builder.ComplexProperty(d => d.Next);
        // "What to do next": the latest decision per exercise of one program, one seek each.
        builder.HasIndex(d => new { d.EnrollmentId, d.ExerciseSlug, d.Id });
        // A workout page and progress: the decisions that followed a workout; making them again replaces them.
        builder.HasIndex(d => new { d.EnrollmentId, d.Date });
        builder.HasIndex(d => d.WorkoutId);
    }
}

public sealed class ProgramTransitionConfiguration : IEntityTypeConfiguration<ProgramTransition>
{
    public void Configure(EntityTypeBuilder<ProgramTransition> builder)
    {
        builder.Property(t => t.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Reason).HasMaxLength(200);
        builder.Property(t => t.Note).HasMaxLength(300);
        builder.HasIndex(t => new { t.EnrollmentId, t.Date, t.AtUtc });
    }
}

public sealed class MilestoneReachedConfiguration : IEntityTypeConfiguration<MilestoneReached>
{
    public void Configure(EntityTypeBuilder<MilestoneReached> builder)
    {
        builder.Property(m => m.Activity).HasMaxLength(200);
        // A rung is reached once per program.
        builder.HasIndex(m => new { m.EnrollmentId, m.Rung }).IsUnique();
    }
}

public sealed class CareLinkConfiguration : IEntityTypeConfiguration<CareLink>
{
    public void Configure(EntityTypeBuilder<CareLink> builder)
    {
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(l => l.PhysioId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(l => l.PatientId).OnDelete(DeleteBehavior.Cascade);
        // The caseload (a physiotherapist's active links) and the patient's own list.
        builder.HasIndex(l => new { l.PhysioId, l.EndedUtc });
        builder.HasIndex(l => new { l.PatientId, l.EndedUtc });
    }
}

public sealed class CareMessageConfiguration : IEntityTypeConfiguration<CareMessage>
{
    public void Configure(EntityTypeBuilder<CareMessage> builder)
    {
        builder.HasOne<CareLink>().WithMany().HasForeignKey(m => m.CareLinkId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(m => m.Text).HasMaxLength(CareMessage.TextLength);
        builder.HasIndex(m => new { m.CareLinkId, m.AtUtc });
    }
}

public sealed class CareInvitationConfiguration : IEntityTypeConfiguration<CareInvitation>
{
    public void Configure(EntityTypeBuilder<CareInvitation> builder)
    {
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(i => i.PhysioId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(i => i.CodeHash).HasMaxLength(64);
        builder.HasIndex(i => i.CodeHash).IsUnique();
    }
}

public sealed class ClinicAuditEntryConfiguration : IEntityTypeConfiguration<ClinicAuditEntry>
{
    public void Configure(EntityTypeBuilder<ClinicAuditEntry> builder)
    {
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.PhysioId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.PatientId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(a => a.Action).HasMaxLength(ClinicAuditEntry.ActionLength);
        builder.HasIndex(a => new { a.PatientId, a.AtUtc });
    }
}

public sealed class ClinicProgramConfiguration : IEntityTypeConfiguration<ClinicProgram>
{
    public void Configure(EntityTypeBuilder<ClinicProgram> builder)
    {
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(p => p.PhysioId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(p => p.Slug).HasMaxLength(40);
        builder.HasIndex(p => p.Slug).IsUnique();
        builder.Property(p => p.Title).HasMaxLength(80);
        builder.Property(p => p.Definition).HasMaxLength(ClinicProgram.DefinitionLength);
        builder.HasIndex(p => new { p.PhysioId, p.CreatedUtc });
    }
}

public sealed class ClinicianDoseConfiguration : IEntityTypeConfiguration<ClinicianDose>
{
    public void Configure(EntityTypeBuilder<ClinicianDose> builder)
    {
        builder.HasOne<ProgramEnrollment>().WithMany().HasForeignKey(d => d.EnrollmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(d => d.PhysioId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(d => d.ExerciseSlug).HasMaxLength(100);
        builder.Property(d => d.SwapTo).HasMaxLength(100);
        builder.Property(d => d.Reason).HasMaxLength(ClinicianDose.ReasonLength);
        builder.ComplexProperty(d => d.Dose);
        builder.HasIndex(d => new { d.EnrollmentId, d.Date });
    }
}

public sealed class OutcomeCheckInConfiguration : IEntityTypeConfiguration<OutcomeCheckIn>
{
    public void Configure(EntityTypeBuilder<OutcomeCheckIn> builder)
    {
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Psfs).WithOne().HasForeignKey(p => p.OutcomeCheckInId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.UserId, c.Date });
    }
}

public sealed class PsfsRatingConfiguration : IEntityTypeConfiguration<PsfsRating>
{
    public void Configure(EntityTypeBuilder<PsfsRating> builder) => builder.Property(p => p.Activity).HasMaxLength(60);
}

public sealed class ShareLinkConfiguration : IEntityTypeConfiguration<ShareLink>
{
    public void Configure(EntityTypeBuilder<ShareLink> builder)
    {
        builder.Property(l => l.TokenHash).HasMaxLength(64);
        builder.HasIndex(l => l.TokenHash).IsUnique();
        builder.HasIndex(l => l.UserId);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(l => l.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(l => l.Views).WithOne().HasForeignKey(v => v.ShareLinkId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ExerciseListConfiguration : IEntityTypeConfiguration<ExerciseList>
{
    public void Configure(EntityTypeBuilder<ExerciseList> builder)
    {
        builder.Property(l => l.Name).HasMaxLength(60);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(l => l.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => l.UserId);
    }
}

public sealed class ExerciseSummaryConfiguration : IEntityTypeConfiguration<ExerciseSummary>
{
    public void Configure(EntityTypeBuilder<ExerciseSummary> builder)
    {
        builder.HasKey(s => new { s.UserId, s.Period, s.Start, s.ExerciseSlug, s.Side });
        builder.Property(s => s.ExerciseSlug).HasMaxLength(100);
        builder.Property(s => s.Side).HasConversion<string>().HasMaxLength(8);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class PainSummaryConfiguration : IEntityTypeConfiguration<PainSummary>
{
    public void Configure(EntityTypeBuilder<PainSummary> builder)
    {
        builder.HasKey(s => new { s.UserId, s.Period, s.Start });
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
