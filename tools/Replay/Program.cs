Console.WriteLine("replay");
