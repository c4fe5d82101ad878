using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class DailyFigures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Digitised",
                table: "Dossiers",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "NpspSynced",
                table: "Dossiers",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            // Facts that were derived on each read until now; the figures are then built by the first reconciliation.
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
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Key = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Count = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DailyFigures", x => new { x.UnitId, x.Day, x.Key, x.Code });
                });

            migrationBuilder.CreateIndex(
                name: "IX_DailyFigures_Key_UnitId_Day",
                table: "DailyFigures",
                columns: new[] { "Key", "UnitId", "Day" })
                .Annotation("Npgsql:IndexInclude", new[] { "Count" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DailyFigures");

            migrationBuilder.DropColumn(
                name: "Digitised",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "NpspSynced",
                table: "Dossiers");
        }
    }
}
