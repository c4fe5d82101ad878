using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class LeanDossierIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Dossiers_CurrentAssigneeId_Status",
                table: "Dossiers");

            migrationBuilder.DropIndex(
                name: "IX_Dossiers_NpspId",
                table: "Dossiers");

            migrationBuilder.DropIndex(
                name: "IX_Dossiers_SourceId",
                table: "Dossiers");

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_NpspId",
                table: "Dossiers",
                column: "NpspId",
                unique: true,
                filter: "\"NpspId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_SourceId",
                table: "Dossiers",
                column: "SourceId",
                unique: true,
                filter: "\"SourceId\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Dossiers_NpspId",
                table: "Dossiers");

            migrationBuilder.DropIndex(
                name: "IX_Dossiers_SourceId",
                table: "Dossiers");

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_CurrentAssigneeId_Status",
                table: "Dossiers",
                columns: new[] { "CurrentAssigneeId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_NpspId",
                table: "Dossiers",
                column: "NpspId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_SourceId",
                table: "Dossiers",
                column: "SourceId",
                unique: true);
        }
    }
}
