namespace MotCua.Web.Hosting;

/// <summary>Configuration section <c>Portal</c>: the deployment's own names shown on every page.</summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    public string Name { get; set; } = "Cổng Dịch vụ công";

    public string Owner { get; set; } = "Ủy ban nhân dân tỉnh";

    public string Hotline { get; set; } = "";

    public string BackOfficeName { get; set; } = "Hệ thống thông tin giải quyết thủ tục hành chính";
}
