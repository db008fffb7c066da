"""The Frameworks page: the leadership framework and the teacher-practice rubric."""
