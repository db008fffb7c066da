"""The Team overview: the ILT's own learning, joint practice and the year's strand balance."""
