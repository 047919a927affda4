using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KneeRehab.Web.Data.Migrations.Sqlite
{
    /// <summary>
    /// Log-in now needs a confirmed address. Accounts made before there was a confirmation e-mail could not have
    /// confirmed theirs: they count as confirmed, so nobody is locked out of their data by the change.
    /// </summary>
    public partial class ConfirmExistingAccounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("UPDATE AspNetUsers SET EmailConfirmed = 1 WHERE EmailConfirmed = 0;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Confirming cannot be told apart from a confirmation by e-mail; going back leaves the accounts usable.
        }
    }
}
