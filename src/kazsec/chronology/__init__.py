"""Time: tenures, careers, successions and the timeline, all dated through kazsec.dates."""
