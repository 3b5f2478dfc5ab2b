var app = Loyalty.Gateway.GatewayApp.Build(args);
app.Run();
