using MedInfo.Web.Extensions;

return await PortalSetup.RunMedInfoPortalAsync(args);

/// <summary>Visible to the HTTP tests' WebApplicationFactory.</summary>
public partial class Program;
