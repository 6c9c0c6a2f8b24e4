A0042sample
u s BC-SOC--Harbour-Cup 1stLd-Writethru   03-21 0210
^BC-SOC--Harbour Cup, 1st Ld-Writethru,210<
^Harbour City win the cup on penalties<
^AP Photo XYZ101, XYZ102<
^Eds: Updates with quotes.<
^By JANE ROE=
^AP Sports Writer=
	   PORTSVILLE (AP) _ Harbour City won the cup on penalties on Thursday night after a goalless draw. 
	   ``We never stopped believing,'' captain Sam Lee said. 
	   ___ 
	   The club last won the cup in 1998. 

	   AP-WF-03-21-24 2215GMT<


