"""Reading filled province forms (xlsx/CSV): cells, formulas, checks, one Figure per filled cell."""
