using System.ComponentModel.DataAnnotations.Schema;

namespace KneeRehab.Web.Data;

/// <summary>
/// A table that stays empty: /healthz inserts a row and deletes it again in one committed transaction, a real write
/// to the disk that leaves the data as it was (see Health/DatabaseHealthCheck).
/// </summary>
public sealed class HealthProbe
{
    [DatabaseGenerated(DatabaseGeneratedOption.None)]
    public int Id { get; set; }
}
