"""ILT meetings: the list of meetings and the meeting editor, the agenda template dialog."""
