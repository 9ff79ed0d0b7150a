"""The rules engine (`checks/`): unit tests, the YAML cases of cases/, properties, Pyodide."""
