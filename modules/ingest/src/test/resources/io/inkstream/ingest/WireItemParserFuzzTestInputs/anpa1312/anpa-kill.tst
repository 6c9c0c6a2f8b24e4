A0042sample
f s BC-SOC--Harbour-Cup Kill   03-21 0040
^BC-SOC--Harbour Cup, Kill,40<
^KILL: Harbour City win the cup on penalties<
	   Editors: The story is killed. It reported a wrong result. Do not use. 

	   AP-WF-03-21-24 2301GMT<


