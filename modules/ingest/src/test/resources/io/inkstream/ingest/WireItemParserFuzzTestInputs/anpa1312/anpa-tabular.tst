A0077sample
r q BC-SOC--Harbour-League   05-01 0060
^BC-SOC--Harbour League Table,60<
^Harbour League standings<
	Team          W  D  L  Pts
	Harbour City  9  2  1  29
	Portsville    7  3  2  24
	Coast Rovers  5  1  6  16

	AP-WF-05-01-24 2000GMT<

