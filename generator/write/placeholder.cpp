// The write stage (issue 5) lands here.
