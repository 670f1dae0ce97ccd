// The render stage (issue 4) lands here.
