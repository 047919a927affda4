using System.ComponentModel.DataAnnotations.Schema;

namespace KneeRehab.Web.Data;

/// <summary>The one row that /healthz writes to prove the database takes writes (see Health/DatabaseHealthCheck).</summary>
public sealed class HealthProbe
{
    /// <summary>Always 1: one row, written over and over, not a growing log.</summary>
    [DatabaseGenerated(DatabaseGeneratedOption.None)]
    public int Id { get; set; }

    public DateTime CheckedUtc { get; set; }
}
