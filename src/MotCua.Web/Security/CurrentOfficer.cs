using MotCua.Core.Common;
using MotCua.Core.Identity;
using MotCua.Core.Organisation;

namespace MotCua.Web.Security;

/// <summary>The officer behind the current request (validated against the database on every request), and the actor of its commands.</summary>
public sealed class CurrentOfficer(IHttpContextAccessor accessor, UnitTreeSource trees) : IActor
{
    public OfficerIdentity? Identity { get; private set; }

    public bool IsAuthenticated => Identity is not null;

    /// <summary>False while the officer still has to change the first password or enrol a second factor.</summary>
    public bool HasFullAccess => Identity is { TotpEnrolmentPending: false, MustChangePassword: false };

    public Guid? OfficerId => Identity?.Id;

    /// <summary>The officer's user name; "anonymous" for a public request, "system" for start-up and background work.</summary>
    public string Name => Identity?.UserName ?? _connector ?? (accessor.HttpContext is null ? "system" : "anonymous");

    public string DisplayName => Identity?.FullName ?? Name;

    public string? IpAddress => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();

    private string? _connector;

    internal void Set(OfficerIdentity identity) => Identity = identity;

    /// <summary>Names an outside system (authenticated by its own signature) as the actor of this request.</summary>
    public void ActAsConnector(string name) => _connector = name;

    /// <summary>The officer's grants over the current tree (rebuilt after a unit change within this request).</summary>
    public async Task<OfficerScope> GetScopeAsync(CancellationToken cancellationToken) =>
        new(Identity?.Id ?? Guid.Empty, HasFullAccess ? Identity!.Grants : [], await trees.GetAsync(cancellationToken));
}
