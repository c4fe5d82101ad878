using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ReportFigures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Digitised",
                table: "Dossiers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "NpspSynced",
                table: "Dossiers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            // Facts that were derived on each read until now; the counters are then built by the first reconciliation.
            migrationBuilder.Sql("""
                UPDATE "Dossiers" SET
                  "Digitised" = EXISTS (SELECT 1 FROM "DossierDocuments" x WHERE x."DossierId" = "Dossiers"."Id")
                    AND NOT EXISTS (SELECT 1 FROM "DossierDocuments" x WHERE x."DossierId" = "Dossiers"."Id" AND x."FileId" IS NULL),
                  "NpspSynced" = EXISTS (SELECT 1 FROM "OutboxMessages" m WHERE m."DossierId" = "Dossiers"."Id" AND m."Channel" = 'npsp' AND m."SentAt" IS NOT NULL)
                """);

            migrationBuilder.CreateTable(
                name: "DailyFigures",
                columns: table => new
                {
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Key = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Count = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DailyFigures", x => new { x.Key, x.UnitId, x.Day, x.Code });
                });

            migrationBuilder.CreateTable(
                name: "MonthlyFigures",
                columns: table => new
                {
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Key = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Count = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonthlyFigures", x => new { x.Key, x.UnitId, x.Month, x.Code });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DailyFigures");

            migrationBuilder.DropTable(
                name: "MonthlyFigures");

            migrationBuilder.DropColumn(
                name: "Digitised",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "NpspSynced",
                table: "Dossiers");
        }
    }
}
