"""`python -m newsfigures.serve [streamlit options...]`: the dashboard, kept on this machine.
The launcher is newsfigures/dashboard/serve.py."""
from .dashboard.serve import main

if __name__ == "__main__":
    main()
