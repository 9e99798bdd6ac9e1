Console.WriteLine("usage: ClimateAD.Bench <benchmark>");
return 2;
