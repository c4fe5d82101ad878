using MotCua.Domain.Organisation;

namespace MotCua.Web.Security;

/// <summary>Every endpoint names one of these (or allows anonymous access) explicitly.</summary>
public static class Policies
{
    /// <summary>Signed in, possibly still owing a password change or TOTP enrolment.</summary>
    public const string Account = "account";

    /// <summary>Any officer with full access (password changed, second factor where required).</summary>
    public const string Officer = "officer";

    public const string Administrator = "role:administrator";
    public const string Reception = "role:reception";
    public const string Specialist = "role:specialist";
    public const string Leader = "role:leader";
    public const string Clerk = "role:clerk";
    public const string Monitor = "role:monitor";
    public const string CatalogueEditor = "role:catalogue_editor";
    public const string ProcedureControl = "role:procedure_control";

    /// <summary>Catalogue editors and procedure-control officers: the catalogue's work lists and drafts.</summary>
    public const string CatalogueStaff = "catalogue-staff";

    /// <summary>Leaders, monitoring officers and administrators: reports and indicators.</summary>
    public const string Reports = "reports";

    public static string For(Role role) => "role:" + role.Key();

    public const string PublicRateLimit = "public";
    public const string SignInRateLimit = "sign-in";
    public const string LookupRateLimit = "lookup";
}
