using Microsoft.EntityFrameworkCore;

namespace KneeRehab.Web.Data;

public sealed class KneeRehabDbContext(DbContextOptions<KneeRehabDbContext> options) : DbContext(options)
{
}
