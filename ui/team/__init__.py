"""The ILT as a team: its meetings, the teacher teams leads run, difficult conversations,
and what the team learns together."""
