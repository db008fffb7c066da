"""A lead's learning cycles: the list, the cycle page, its phase cards and stepper."""
