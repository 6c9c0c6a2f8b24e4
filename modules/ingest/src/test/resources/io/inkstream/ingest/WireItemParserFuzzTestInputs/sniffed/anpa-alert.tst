A0042sample
b a BC-US--APNewsAlert    04-02 0012
^BC-US--APNewsAlert,12<
	   PORTSVILLE (AP) _ Harbour bridge reopens after two-day closure. 

	   AP-WF-04-02-24 0815GMT<


