var app = Loyalty.Gateway.GatewayApp.Build(args);
app.Run();

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program;
