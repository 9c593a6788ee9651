"""Records -> outputs: the Excel report (sheets/, one module per sheet; parts/, what optional parts add;
writers), the JSON, the terminal text, and where outputs may go (paths)."""
