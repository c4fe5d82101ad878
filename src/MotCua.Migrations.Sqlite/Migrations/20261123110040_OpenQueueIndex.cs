using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class OpenQueueIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Dossiers_CurrentUnitId_Status_DueAt",
                table: "Dossiers");

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_OpenQueue",
                table: "Dossiers",
                columns: new[] { "CurrentUnitId", "DueAt", "CurrentStepDeadline", "CurrentAssigneeId", "Status" },
                filter: "\"Status\" NOT IN ('Returned', 'Withdrawn', 'Stopped', 'NotAccepted', 'IncompleteAtDesk')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Dossiers_OpenQueue",
                table: "Dossiers");

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_CurrentUnitId_Status_DueAt",
                table: "Dossiers",
                columns: new[] { "CurrentUnitId", "Status", "DueAt" });
        }
    }
}
