using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using MotCua.Core.Common;

namespace MotCua.Core.Connectors.Npsp;

/// <summary>Configuration section <c>Npsp</c>: the National Public Service Portal connection.</summary>
public sealed class NpspOptions
{
    public const string Section = "Npsp";

    /// <summary>Off: no status updates are queued and inbound calls are refused.</summary>
    public bool Enabled { get; set; }

    public string BaseUrl { get; set; } = "";

    public string StatusPath { get; set; } = "/api/hoso/capnhat-trangthai";

    /// <summary>This system's client id at the portal.</summary>
    public string ClientId { get; set; } = "";

    /// <summary>Shared secret of the HMAC-SHA256 signatures, both directions.</summary>
    public string Secret { get; set; } = "";

    /// <summary>How far a signed request's timestamp may be from this server's clock.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>
/// The signing scheme of both directions: <c>X-Timestamp</c> (Unix seconds) and
/// <c>X-Signature: sha256=&lt;hex HMAC-SHA256(secret, timestamp + "." + body)&gt;</c>; requests carry an
/// <c>Idempotency-Key</c> the receiver deduplicates on.
/// </summary>
public static class NpspSignature
{
    public const string TimestampHeader = "X-Timestamp";
    public const string SignatureHeader = "X-Signature";
    public const string ClientHeader = "X-Client-Id";

    public static string Sign(string secret, string timestamp, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp + "." + body)));

    public static bool Verify(string secret, string? timestamp, string? signature, string body, DateTimeOffset now, TimeSpan skew)
    {
        if (string.IsNullOrEmpty(secret) || timestamp is null || signature is null
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || (now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > skew)
        {
            return false;
        }
        var expected = Encoding.ASCII.GetBytes(Sign(secret, timestamp, body));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature));
    }

    /// <summary>NPSP's date format, <c>yyyyMMddHHmmss</c> in Vietnam time.</summary>
    public static string? Date(DateTimeOffset? instant) =>
        instant?.ToVietnam().ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);

    public static DateTimeOffset? ParseDate(string? text) =>
        DateTime.TryParseExact(text, "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? new DateTimeOffset(local, TimeSpan.FromHours(7))
            : null;
}

/// <summary>A status update sent to the portal for every change of a dossier.</summary>
public sealed record NpspStatusUpdate(
    [property: JsonPropertyName("MaHoSo")] string Code,
    [property: JsonPropertyName("MaHoSoQG")] string? NpspId,
    [property: JsonPropertyName("MaTTHC")] string ProcedureCode,
    [property: JsonPropertyName("TenTTHC")] string ProcedureName,
    [property: JsonPropertyName("TrangThai")] int Status,
    [property: JsonPropertyName("KenhThucHien")] int Channel,
    [property: JsonPropertyName("MaCoQuan")] string AgencyCode,
    [property: JsonPropertyName("NgayTiepNhan")] string? ReceivedAt,
    [property: JsonPropertyName("NgayHenTra")] string? DueAt,
    [property: JsonPropertyName("NgayKetThucXuLy")] string? FinishedAt,
    [property: JsonPropertyName("NgayTraKetQua")] string? ReturnedAt,
    [property: JsonPropertyName("ThoiDiemCapNhat")] string UpdatedAt,
    [property: JsonPropertyName("GhiChu")] string? Note);

/// <summary>An online dossier the portal forwards for processing.</summary>
public sealed record NpspIncomingDossier(
    [property: JsonPropertyName("MaHoSoQG")] string? NpspId,
    [property: JsonPropertyName("MaTTHC")] string? ProcedureCode,
    [property: JsonPropertyName("MaCoQuanTiepNhan")] string? ReceivingAgencyCode,
    [property: JsonPropertyName("NguoiNop")] NpspApplicant? Applicant,
    [property: JsonPropertyName("ThanhPhanHoSo")] IReadOnlyList<NpspComponent>? Components,
    [property: JsonPropertyName("GhiChu")] string? Note);

public sealed record NpspApplicant(
    [property: JsonPropertyName("LoaiDoiTuong")] string? Kind,
    [property: JsonPropertyName("HoTen")] string? FullName,
    [property: JsonPropertyName("SoDinhDanh")] string? PersonalId,
    [property: JsonPropertyName("MaSoDoanhNghiep")] string? EnterpriseCode,
    [property: JsonPropertyName("SoDienThoai")] string? Phone,
    [property: JsonPropertyName("Email")] string? Email,
    [property: JsonPropertyName("DiaChi")] string? Address);

public sealed record NpspComponent(
    [property: JsonPropertyName("TenThanhPhan")] string? Name,
    [property: JsonPropertyName("SoBan")] int? Copies,
    [property: JsonPropertyName("BanChinh")] bool? Original);

/// <summary>What the portal gets back for an incoming dossier.</summary>
public sealed record NpspReceipt(
    [property: JsonPropertyName("MaHoSo")] string? Code,
    [property: JsonPropertyName("MaHoSoQG")] string NpspId,
    [property: JsonPropertyName("TrangThai")] int Status,
    [property: JsonPropertyName("NgayHenTra")] string? DueAt);
